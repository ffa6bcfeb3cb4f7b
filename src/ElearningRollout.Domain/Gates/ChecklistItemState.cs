namespace ElearningRollout.Domain.Gates;

public enum ChecklistItemState
{
    Open,
    Met,
    NotApplicable,
    Failed,
}

/// <summary>What a checklist item's state means, defined once for the gate, the queries and the screens.</summary>
public static class ChecklistItemStateRules
{
    /// <summary>Open and Failed: not settled yet. A required item in one of these blocks approval (in EF queries: <c>Unsettled.Contains(i.State)</c>).</summary>
    public static readonly IReadOnlyList<ChecklistItemState> Unsettled = [ChecklistItemState.Open, ChecklistItemState.Failed];

    public static bool IsUnsettled(this ChecklistItemState state) => state is ChecklistItemState.Open or ChecklistItemState.Failed;

    /// <summary>A required item that is open or failed stands in the way of approving its gate.</summary>
    public static bool BlocksApproval(bool isRequired, ChecklistItemState state) => isRequired && state.IsUnsettled();
}
