using NetClaims.Claims;

namespace NetClaims.Tests.Claims;

public sealed class ClaimIdTests
{
    [Theory]
    [InlineData("ahs23.thm4.blades.cost")]
    [InlineData("a")]
    [InlineData("s1-4.x")]
    public void Valid_ids(string id) => Assert.Equal(id, new ClaimId(id).Value);

    [Theory]
    [InlineData("")]
    [InlineData("Ahs23")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a b")]
    public void Invalid_ids_are_refused(string id) => Assert.Throws<ArgumentException>(() => new ClaimId(id));

    [Fact]
    public void Selectors_match_whole_dot_segments_only()
    {
        var id = new ClaimId("ahs23.thm4.blades.cost");
        Assert.True(id.MatchesSelector("ahs23"));
        Assert.True(id.MatchesSelector("ahs23.thm4"));
        Assert.True(id.MatchesSelector("ahs23.thm4.blades.cost"));
        Assert.False(id.MatchesSelector("ahs2"));
        Assert.False(id.MatchesSelector("ahs23.thm4.blade"));
    }
}

public sealed class ReplayTokenTests
{
    [Fact]
    public void Round_trips_and_builds_the_replay_command()
    {
        var t = new ReplayToken(new ClaimId("ahs23.thm4.blades.interpolates"), ClaimRole.Check, "2_123_457_0");
        Assert.Equal("nc1:ahs23.thm4.blades.interpolates/check@2_123_457_0", t.ToString());
        Assert.Equal(t, ReplayToken.Parse(t.ToString()));
        Assert.Equal("netclaims verify --claim ahs23.thm4.blades.interpolates --replay 'nc1:ahs23.thm4.blades.interpolates/check@2_123_457_0'", t.Command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("nc1:claim/check")]
    [InlineData("nc1:claim/other@1_2_3_")]
    [InlineData("nc1:Bad Claim/check@1_2_3_")]
    [InlineData("nc1:claim/check@")]
    [InlineData("claim/check@1_2_3_")]
    public void Bad_tokens_are_refused(string text)
    {
        Assert.False(ReplayToken.TryParse(text, out _));
        Assert.Throws<NetClaims.Reports.UsageException>(() => ReplayToken.Parse(text));
    }
}

public sealed class ReplayTokenVersionTests
{
    [Fact]
    public void A_token_from_another_harness_version_is_refused_with_the_reason()
    {
        var e = Assert.Throws<NetClaims.Reports.UsageException>(() => ReplayToken.Parse("nc2:ahs23.x/check@1_2_3_"));
        Assert.Contains("harness version 2", e.Message);
    }
}
