namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// What totals, allocations and diffs need from a line; both the live <see cref="CostLine"/> and the
/// frozen <see cref="CostLineSnapshot"/> of a signed version provide it, so old versions total the same way.
/// </summary>
public interface IBudgetLine
{
    Guid LineId { get; }

    int Number { get; }

    CostCategory Category { get; }

    string Description { get; }

    decimal Amount { get; }

    string Currency { get; }

    CostNature Nature { get; }

    CostRecurrence Recurrence { get; }

    Guid? VendorEngagementId { get; }

    CostSplit Split { get; }
}
