using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

public class DepartmentMoneyTests
{
    [Fact]
    public void An_unsigned_agreement_commits_nothing_but_its_actual_spend_counts()
    {
        var agreement = Costs.AnAgreement(12, Costs.Line(amount: 1000m));
        agreement.RecordActual(agreement.Lines[0].Id, Given.Today, 100m, null, Given.TrainerId, Given.Now);

        Assert.Equal([new DepartmentMoney("IT", "EUR", 0m, 40m), new DepartmentMoney("Training", "EUR", 0m, 60m)],
            DepartmentMoneyTotals.Of(agreement));
    }

    [Fact]
    public void Committed_money_is_the_last_signed_version_over_its_term_and_currencies_stay_apart()
    {
        var agreement = Costs.ASignedAgreement();
        agreement.AddLine(Costs.Line(amount: 50m, recurrence: CostRecurrence.Monthly, currency: "USD", split: Costs.Split(("IT", 100m))));

        // The USD line is in the unsigned next version, so it commits nothing yet; the signed 1200 EUR line still does.
        Assert.Equal([new DepartmentMoney("IT", "EUR", 480m, 0m), new DepartmentMoney("Training", "EUR", 720m, 0m)],
            DepartmentMoneyTotals.Of(agreement));

        agreement.Propose();
        agreement.Sign(Given.TrainingManager(), Costs.Signatories, Given.Now);
        agreement.Sign(Given.ItLead(), Costs.Signatories, Given.Now);

        Assert.Equal(
            [new DepartmentMoney("IT", "EUR", 480m, 0m), new DepartmentMoney("IT", "USD", 1200m, 0m), new DepartmentMoney("Training", "EUR", 720m, 0m)],
            DepartmentMoneyTotals.Of(agreement));
    }
}
