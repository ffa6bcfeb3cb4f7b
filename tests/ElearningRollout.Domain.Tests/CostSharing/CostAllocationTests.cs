using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class CostAllocationTests
{
    private static readonly string[] DepartmentNames = ["Training", "IT", "Leadership", "Sales", "HR", "Finance", "Legal"];

    [Fact]
    public void Department_amounts_always_add_up_to_the_line_to_the_cent_and_none_is_negative()
    {
        var random = new Random(20261128);
        for (var run = 0; run < 1000; run++)
        {
            var amount = new Money(random.Next(0, 10_000_000) / 100m, "EUR");
            var split = RandomSplit(random);

            var parts = CostAllocation.Allocate(amount, split);

            Assert.Equal(amount.Amount, parts.Sum(p => p.Amount.Amount));
            Assert.All(parts, p => Assert.True(p.Amount.Amount >= 0, $"{p.Department} got {p.Amount} of {amount} split {split}"));
            Assert.All(parts, p => Assert.True(Money.HasAtMostTwoDecimals(p.Amount.Amount)));
            Assert.Equal(split.Shares.Select(s => s.Department), parts.Select(p => p.Department));

            // Each part is within a cent of its exact share: the left-over cents are spread, never piled up.
            Assert.All(parts.Zip(split.Shares), pair =>
                Assert.True(Math.Abs(pair.First.Amount.Amount - (amount.Amount * pair.Second.Percent / 100m)) < 0.01m));
            Assert.Equal(parts, CostAllocation.Allocate(amount, split));
        }
    }

    [Fact]
    public void A_left_over_cent_goes_to_the_department_that_lost_most_to_rounding_then_by_name()
    {
        var thirds = Costs.Split(("Training", 33.33m), ("Leadership", 33.33m), ("IT", 33.34m));

        var parts = CostAllocation.Allocate(new Money(100m, "EUR"), thirds);

        Assert.Equal([33.33m, 33.33m, 33.34m], parts.Select(p => p.Amount.Amount));

        var halves = Costs.Split(("Training", 50m), ("IT", 50m));
        var cent = CostAllocation.Allocate(new Money(0.01m, "EUR"), halves);

        Assert.Equal([("Training", 0m), ("IT", 0.01m)], cent.Select(p => (p.Department, p.Amount.Amount)));
    }

    [Fact]
    public void A_line_is_allocated_in_its_own_currency()
    {
        var line = Costs.AnAgreement(12, Costs.Line(amount: 999.99m, currency: "USD")).Lines[0];

        var parts = CostAllocation.Allocate(line);

        Assert.Equal([("Training", 599.99m), ("IT", 400.00m)], parts.Select(p => (p.Department, p.Amount.Amount)));
        Assert.All(parts, p => Assert.Equal("USD", p.Amount.Currency));
    }

    private static CostSplit RandomSplit(Random random)
    {
        var count = random.Next(1, DepartmentNames.Length + 1);
        var names = DepartmentNames.OrderBy(_ => random.Next()).Take(count).ToList();

        // Random whole basis points, each at least 1, summing to 10,000 (= 100.00%).
        var cuts = Enumerable.Range(0, count - 1).Select(_ => random.Next(1, 10_000)).Distinct().Order().ToList();
        var bounds = cuts.Prepend(0).Append(10_000).ToList();
        return new CostSplit(names.Take(bounds.Count - 1)
            .Select((name, i) => new DepartmentShare(name, (bounds[i + 1] - bounds[i]) / 100m)));
    }
}
