using System.CommandLine;
using NetClaims.Cli;
using NetClaims.Cli.Commands;

// netclaims: list, verify, eval, approve. Exit codes: 0 all good, 1 a claim failed, 2 bad usage or bad input.
var root = new RootCommand("NetClaims: executable claims of neural-network learning theory")
{
    ListCommand.Create(),
    VerifyCommand.Create(),
    EvalCommand.Create(),
    ApproveCommand.Create(),
};
return Cli.Run(root, args);
