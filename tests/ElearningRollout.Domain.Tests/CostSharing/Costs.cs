using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Domain.Tests.CostSharing;

/// <summary>Ready-made agreements and lines for the cost-sharing tests.</summary>
internal static class Costs
{
    public static readonly Guid RolloutId = Guid.CreateVersion7();

    public static readonly AgreementSignatories Signatories = new(Given.TrainerId, ItLiaisonId: "it-liaison-1");

    public static CostSplit Split(params (string Department, decimal Percent)[] shares) =>
        new(shares.Select(s => new DepartmentShare(s.Department, s.Percent)));

    public static CostLineTerms Line(
        decimal amount = 1200m,
        CostRecurrence recurrence = CostRecurrence.OneOff,
        string currency = "EUR",
        CostSplit? split = null,
        string description = "LMS licences",
        CostCategory category = CostCategory.Licences) =>
        new(category, description, amount, currency, CostNature.OpEx, recurrence, null,
            split ?? Split(("Training", 60m), ("IT", 40m)));

    public static CostSharingAgreement AnAgreement(int termMonths = 24, params CostLineTerms[] lines)
    {
        var agreement = new CostSharingAgreement(RolloutId, termMonths, Given.Now);
        foreach (var line in lines)
        {
            agreement.AddLine(line);
        }

        return agreement;
    }

    public static CostSharingAgreement ASignedAgreement()
    {
        var agreement = AnAgreement(24, Line());
        agreement.Propose();
        agreement.Sign(Given.TrainingManager(), Signatories, Given.Now);
        agreement.Sign(Given.ItLead(), Signatories, Given.Now.AddHours(1));
        return agreement;
    }
}
