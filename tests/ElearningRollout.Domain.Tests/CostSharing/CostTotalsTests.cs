using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class CostTotalsTests
{
    [Fact]
    public void Term_totals_count_one_off_once_monthly_per_month_and_yearly_per_started_year()
    {
        var agreement = Costs.AnAgreement(
            termMonths: 30,
            Costs.Line(amount: 5000m, recurrence: CostRecurrence.OneOff),
            Costs.Line(amount: 100m, recurrence: CostRecurrence.Monthly),
            Costs.Line(amount: 2400m, recurrence: CostRecurrence.Yearly));

        var total = Assert.Single(agreement.CurrencyTotals());

        Assert.Equal(new Money(5000m, "EUR"), total.OneOff);
        Assert.Equal(new Money(100m * 12 + 2400m, "EUR"), total.RecurringPerYear);
        Assert.Equal(new Money(5000m + (100m * 30) + (2400m * 3), "EUR"), total.OverTerm);
    }

    [Fact]
    public void Department_totals_follow_the_split_and_add_up_to_the_currency_total()
    {
        var agreement = Costs.AnAgreement(
            termMonths: 12,
            Costs.Line(amount: 1000m, split: Costs.Split(("Training", 60m), ("IT", 40m))),
            Costs.Line(amount: 10m, recurrence: CostRecurrence.Monthly, split: Costs.Split(("IT", 100m))));

        var departments = agreement.DepartmentTotals();

        Assert.Equal(
            [("IT", 400m, 120m, 520m), ("Training", 600m, 0m, 600m)],
            departments.Select(d => (d.Department, d.OneOff.Amount, d.RecurringPerYear.Amount, d.OverTerm.Amount)));
        Assert.Equal(agreement.CurrencyTotals()[0].OverTerm.Amount, departments.Sum(d => d.OverTerm.Amount));
    }

    [Fact]
    public void Currencies_are_never_added_together()
    {
        var agreement = Costs.AnAgreement(
            termMonths: 12,
            Costs.Line(amount: 100m, currency: "EUR"),
            Costs.Line(amount: 200m, currency: "USD"));

        Assert.Equal([("EUR", 100m), ("USD", 200m)], agreement.CurrencyTotals().Select(t => (t.Currency, t.OverTerm.Amount)));
        Assert.Equal(4, agreement.DepartmentTotals().Count);
        Assert.Throws<InvalidOperationException>(() => new Money(1m, "EUR") + new Money(1m, "USD"));
        Assert.Throws<InvalidOperationException>(() => new Money(1m, "EUR") - new Money(1m, "USD"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void The_term_is_between_1_and_120_months(int months)
    {
        Assert.Equal("The term must be between 1 and 120 months.", Refusal.Of(() => Costs.AnAgreement(months)));
    }
}
