using NetClaims.Cli;

// netclaims: list, verify, eval, approve. Exit codes: 0 all good, 1 a claim failed, 2 bad usage or bad input.
return Cli.Run(Cli.CreateRoot(), args);
