namespace ElearningRollout.Domain.Gates;

/// <summary>
/// One reviewer's part in one round of a gate: who is assigned (and, for a group policy, for which group), by when,
/// and their own decision and rationale. <see cref="DecidedById"/> is who actually decided: the reviewer, their
/// stand-in deciding for them, or (under "any one reviewer") any holder of the deciding role; both names stay on record.
/// The round's outcome is computed from all reviews (<see cref="ApprovalOutcome"/>); a review left undecided when the
/// round is decided stays undecided: it was no longer needed.
/// </summary>
public sealed class GateReview
{
    internal GateReview(int roundNumber, string? reviewerId, string? groupName, DateOnly? dueDate)
    {
        Id = Guid.CreateVersion7();
        RoundNumber = roundNumber;
        ReviewerId = reviewerId;
        GroupName = groupName;
        DueDate = dueDate;
    }

    // For EF Core.
    private GateReview()
    {
    }

    public Guid Id { get; private set; }

    public int RoundNumber { get; private set; }

    /// <summary>The assigned reviewer; null under "any one reviewer" when nobody was picked (any holder of the role decides).</summary>
    public string? ReviewerId { get; private set; }

    /// <summary>The policy group this review counts for; null outside a one-from-each-group policy.</summary>
    public string? GroupName { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public GateDecision? Decision { get; private set; }

    /// <summary>Who recorded the decision; differs from <see cref="ReviewerId"/> when a stand-in decided for the reviewer.</summary>
    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The reviewer a stand-in (or another holder of the role) decided for: set with the decision, so the record and its audit entry carry both names.</summary>
    public string? DecidedForId { get; private set; }

    public string? Rationale { get; private set; }

    /// <summary>The reviewer an administrator reassigned this review from (null if never reassigned).</summary>
    public string? ReassignedFromId { get; private set; }

    public bool IsDecided => Decision is not null;

    /// <summary>Decided by someone other than the assigned reviewer (a stand-in, or another holder of the role).</summary>
    public bool DecidedForReviewer => DecidedById is not null && ReviewerId is not null && DecidedById != ReviewerId;

    public ReviewVote Vote => new(GroupName, Decision);

    internal void Decide(GateDecision decision, string decidedById, string? rationale, DateTimeOffset at)
    {
        if (Decision is not null)
        {
            // The gate checks first; reaching this is a bug, not a user error.
            throw new InvalidOperationException("This review is already decided.");
        }

        Decision = decision;
        DecidedById = decidedById;
        DecidedForId = ReviewerId is not null && ReviewerId != decidedById ? ReviewerId : null;
        Rationale = rationale;
        DecidedAt = at;
    }

    internal void Reassign(string reviewerId)
    {
        ReassignedFromId ??= ReviewerId;
        ReviewerId = reviewerId;
    }
}
