using NetClaims.Cube;
using NetClaims.Reports;

namespace NetClaims.Tests.Cli;

/// <summary>Exit 2 is for what the code that parsed the input called a usage error, not for an exception type.</summary>
public sealed class ExceptionClassificationTests
{
    [Fact]
    public void Usage_errors_are_declared_by_the_code_that_knows_and_a_library_argument_exception_is_a_bug()
    {
        Assert.True(NetClaims.Cli.Cli.IsBadInput(new UsageException("bad token")));
        Assert.True(NetClaims.Cli.Cli.IsBadInput(new SizeRefusedException("too big")));
        Assert.True(NetClaims.Cli.Cli.IsBadInput(new IOException("disk full")));
        Assert.False(NetClaims.Cli.Cli.IsBadInput(new ArgumentException("a bug's bad argument")));
        Assert.False(NetClaims.Cli.Cli.IsBadInput(new FormatException("a bug's bad format")));
        Assert.False(NetClaims.Cli.Cli.IsBadInput(new InvalidOperationException("broken invariant")));
    }

    [Fact]
    public void Commands_that_pass_the_users_numbers_to_the_library_turn_its_parameter_checks_into_usage_errors()
    {
        var e = Assert.Throws<UsageException>(() => NetClaims.Cli.Cli.WithUserValues(() => throw new ArgumentOutOfRangeException("lr", "learning rate must be positive")));
        Assert.Contains("learning rate must be positive", e.Message);
        Assert.Throws<InvalidOperationException>(() => NetClaims.Cli.Cli.WithUserValues(() => throw new InvalidOperationException("bug")));
    }
}
