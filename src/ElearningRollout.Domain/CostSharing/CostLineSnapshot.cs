namespace ElearningRollout.Domain.CostSharing;

/// <summary>A cost line as it stood when a version was signed; never changes afterwards.</summary>
public sealed record CostLineSnapshot(
    Guid LineId,
    int Number,
    CostCategory Category,
    string Description,
    decimal Amount,
    string Currency,
    CostNature Nature,
    CostRecurrence Recurrence,
    Guid? VendorEngagementId,
    CostSplit Split) : IBudgetLine
{
    internal CostLineSnapshot(Guid lineId, int number, CostLineTerms terms)
        : this(lineId, number, terms.Category, terms.Description, terms.Amount, terms.Currency, terms.Nature,
            terms.Recurrence, terms.VendorEngagementId, terms.Split)
    {
    }
}
