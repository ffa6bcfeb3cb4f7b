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
