using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>The form model for adding or changing a cost line.</summary>
public sealed class CostLineDraft
{
    public CostCategory? Category { get; set; }

    public string Description { get; set; } = "";

    /// <summary>Per payment: once, per month or per year as <see cref="Recurrence"/> says.</summary>
    public decimal? Amount { get; set; }

    public string Currency { get; set; } = "EUR";

    public CostNature Nature { get; set; } = CostNature.OpEx;

    public CostRecurrence Recurrence { get; set; } = CostRecurrence.OneOff;

    public Guid? VendorEngagementId { get; set; }

    public List<SplitShareDraft> Split { get; set; } = [];

    internal IReadOnlyList<DepartmentShare> Shares() =>
        Split.Select(s => new DepartmentShare(s.Department?.Trim() ?? "", s.Percent ?? 0m)).ToList();
}

/// <summary>One row of the split editor: a department and its percent.</summary>
public sealed class SplitShareDraft
{
    public string Department { get; set; } = "";

    public decimal? Percent { get; set; }
}

/// <summary>The form model for recording money actually spent against a line (in the line's currency).</summary>
public sealed class ActualSpendDraft
{
    public DateOnly? SpentOn { get; set; }

    public decimal? Amount { get; set; }

    public string? Note { get; set; }
}
