using NetClaims.Cli;

// netclaims. Exit codes: 0 all good, 1 a claim failed, 2 bad usage or bad input, 70 internal error (details logged), 130 interrupted.
return Cli.Run(Cli.CreateRoot(), args);
