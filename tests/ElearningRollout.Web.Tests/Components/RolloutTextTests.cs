using ElearningRollout.Web.Components.Pages.Rollouts;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>How the rollout's facts read (QA: an empty summary showed as a blank cell, and "5000 (300)" had no separator).</summary>
public sealed class RolloutTextTests
{
    [Theory]
    [InlineData(null, "—")]
    [InlineData("  ", "—")]
    [InlineData("Dealers certified before the season", "Dealers certified before the season")]
    public void An_empty_fact_reads_as_a_dash(string? text, string shown) => Assert.Equal(shown, RolloutText.OrDash(text));

    [Fact]
    public void Learners_are_written_with_thousands_separators() => Assert.Equal("9,000 (400)", RolloutText.Learners(9000, 400));
}
