using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class ActualSpendTests
{
    [Fact]
    public void A_line_whose_actual_spend_exceeds_its_budget_over_the_term_is_over_budget()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line(amount: 100m, recurrence: CostRecurrence.Monthly));
        var line = agreement.Lines[0];

        agreement.RecordActual(line.Id, Given.Today, 1200m, "Invoices Jan-Dec", Given.TrainerId, Given.Now);
        Assert.False(agreement.VarianceOf(line).IsOverBudget);

        agreement.RecordActual(line.Id, Given.Today, 0.01m, null, Given.TrainerId, Given.Now);
        var variance = agreement.VarianceOf(line);

        Assert.True(variance.IsOverBudget);
        Assert.Equal(new Money(0.01m, "EUR"), variance.Variance);
    }

    [Fact]
    public void Department_variances_follow_the_split_and_add_up_to_the_line()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line(amount: 1000m, split: Costs.Split(("Training", 33.33m), ("IT", 66.67m))));
        var line = agreement.Lines[0];
        agreement.RecordActual(line.Id, Given.Today, 900.01m, null, Given.TrainerId, Given.Now);

        var departments = agreement.DepartmentVariances();

        Assert.Equal(agreement.VarianceOf(line).Variance.Amount, departments.Sum(d => d.Variance.Amount));
        Assert.Equal([("IT", 666.70m, 600.04m), ("Training", 333.30m, 299.97m)],
            departments.Select(d => (d.Department, d.Budget.Amount, d.Actual.Amount)));
    }

    [Fact]
    public void Recording_spend_on_a_signed_agreement_keeps_the_version_and_the_line_cannot_be_removed()
    {
        var agreement = Costs.ASignedAgreement();
        var line = agreement.Lines[0];

        agreement.RecordActual(line.Id, Given.Today, 10m, null, Given.TrainerId, Given.Now);

        Assert.Equal((AgreementState.Signed, 1), (agreement.State, agreement.VersionNumber));
        Assert.Equal("Actual spend is recorded against this line, so it stays; change its amount instead.",
            Refusal.Of(() => agreement.RemoveLine(line.Id)));
        Assert.Equal("The amount spent must be more than zero.",
            Refusal.Of(() => agreement.RecordActual(line.Id, Given.Today, 0m, null, Given.TrainerId, Given.Now)));
    }
}
