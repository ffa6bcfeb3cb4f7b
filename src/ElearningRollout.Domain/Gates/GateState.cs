namespace ElearningRollout.Domain.Gates;

/// <summary>
/// Draft -> Submitted -> InReview -> Approved | ApprovedWithConditions | Rejected;
/// Rejected -> Submitted (a new round); any gate not cleared -> Waived.
/// </summary>
public enum GateState
{
    Draft,
    Submitted,
    InReview,
    Approved,
    ApprovedWithConditions,
    Rejected,
    Waived,
}

/// <summary>What a gate state means, defined once for the gate, the queries and the screens.</summary>
public static class GateStateRules
{
    /// <summary>The states a submitted round waits in for its decision (in EF queries: <c>AwaitingDecision.Contains(g.State)</c>).</summary>
    public static readonly IReadOnlyList<GateState> AwaitingDecision = [GateState.Submitted, GateState.InReview];

    public static bool IsCleared(this GateState state) => state is GateState.Approved or GateState.ApprovedWithConditions or GateState.Waived;

    public static bool AwaitsDecision(this GateState state) => state is GateState.Submitted or GateState.InReview;
}
