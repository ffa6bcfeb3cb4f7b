namespace ElearningRollout.Domain.Gates;

/// <summary>The outcome of a review round; final for its round.</summary>
public enum GateDecision
{
    Approved,
    ApprovedWithConditions,
    Rejected,
    Waived,
}
