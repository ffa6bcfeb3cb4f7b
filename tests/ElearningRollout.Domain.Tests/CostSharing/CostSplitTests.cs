using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class CostSplitTests
{
    [Fact]
    public void A_split_that_does_not_total_100_is_refused_with_its_total()
    {
        Assert.Equal("The shares add up to 90%; they must total exactly 100%.",
            Refusal.Of(() => Costs.Split(("Training", 60m), ("IT", 30m))));
        Assert.Equal("The shares add up to 100.01%; they must total exactly 100%.",
            Refusal.Of(() => Costs.Split(("Training", 60m), ("IT", 40.01m))));
    }

    [Fact]
    public void A_department_twice_a_zero_share_or_no_share_at_all_is_refused()
    {
        Assert.Equal("IT appears twice in the split; give each department one share.",
            Refusal.Of(() => Costs.Split(("IT", 50m), ("it", 50m))));
        Assert.Equal("Every department's share must be more than 0%.",
            Refusal.Of(() => Costs.Split(("Training", 100m), ("IT", 0m))));
        Assert.Equal("Split the cost between at least one department.", Refusal.Of(() => Costs.Split()));
        Assert.Equal("Shares can have at most two decimals, such as 33.33%.",
            Refusal.Of(() => Costs.Split(("Training", 33.333m), ("IT", 66.667m))));
    }

    [Fact]
    public void Splits_with_the_same_shares_are_equal_and_read_as_text()
    {
        var split = Costs.Split(("Training", 60m), ("IT", 40m));

        Assert.Equal(Costs.Split(("Training", 60.00m), ("IT", 40m)), split);
        Assert.Equal("Training 60%, IT 40%", split.ToString());
    }

    [Theory]
    [InlineData(0, "The amount must be more than zero.")]
    [InlineData(-5, "The amount must be more than zero.")]
    [InlineData(10.005, "The amount can have at most two decimals (cents).")]
    public void A_line_amount_must_be_positive_and_to_the_cent(decimal amount, string message)
    {
        Assert.Equal(message, Refusal.Of(() => Costs.Line(amount: amount)));
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void A_currency_is_three_capital_letters(string currency)
    {
        Assert.Equal("The currency must be a three-letter ISO 4217 code in capitals, such as EUR.",
            Refusal.Of(() => Costs.Line(currency: currency)));
    }
}
