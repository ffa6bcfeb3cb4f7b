namespace ElearningRollout.Domain.CostSharing;

/// <summary>One cost of a rollout and how departments share it. Only <see cref="CostSharingAgreement"/> changes it.</summary>
public sealed class CostLine : IBudgetLine
{
    internal CostLine(int number, CostLineTerms terms)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Apply(terms);
    }

    // For EF Core.
    private CostLine()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>1, 2, 3... within the agreement, never reused, so "line 3" means the same line in every version.</summary>
    public int Number { get; private set; }

    public CostCategory Category { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Per payment: once for one-off lines, per month or per year for recurring ones.</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "";

    public CostNature Nature { get; private set; }

    public CostRecurrence Recurrence { get; private set; }

    /// <summary>The vendor engagement this cost belongs to, if any (no link enforced yet).</summary>
    public Guid? VendorEngagementId { get; private set; }

    public CostSplit Split { get; private set; } = null!;

    Guid IBudgetLine.LineId => Id;

    internal CostLineSnapshot Snapshot() =>
        new(Id, Number, Category, Description, Amount, Currency, Nature, Recurrence, VendorEngagementId, Split);

    internal bool Says(CostLineTerms terms) => Snapshot().Equals(new CostLineSnapshot(Id, Number, terms));

    internal void Apply(CostLineTerms terms)
    {
        Category = terms.Category;
        Description = terms.Description;
        Amount = terms.Amount;
        Currency = terms.Currency;
        Nature = terms.Nature;
        Recurrence = terms.Recurrence;
        VendorEngagementId = terms.VendorEngagementId;
        Split = terms.Split;
    }
}
