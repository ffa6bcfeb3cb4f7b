namespace ElearningRollout.Domain.Gates;

/// <summary>
/// One submission of a gate and its decision. A decision is never edited; a rejected gate
/// is resubmitted as a new round. A waiver of a gate nobody submitted is a round with no submitter.
/// </summary>
public sealed class GateReviewRound
{
    internal GateReviewRound(int number, string? submittedById, DateTimeOffset? submittedAt)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        SubmittedById = submittedById;
        SubmittedAt = submittedAt;
    }

    // For EF Core.
    private GateReviewRound()
    {
    }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public string? SubmittedById { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? ReviewStartedById { get; private set; }

    public DateTimeOffset? ReviewStartedAt { get; private set; }

    public GateDecision? Decision { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Rationale { get; private set; }

    internal void StartReview(string reviewerId, DateTimeOffset at)
    {
        ReviewStartedById = reviewerId;
        ReviewStartedAt = at;
    }

    internal void Decide(GateDecision decision, string decidedById, string? rationale, DateTimeOffset at)
    {
        if (Decision is not null)
        {
            // The gate's state machine prevents this; reaching it is a bug, not a user error.
            throw new InvalidOperationException($"Round {Number} is already decided.");
        }

        Decision = decision;
        DecidedById = decidedById;
        Rationale = rationale;
        DecidedAt = at;
    }
}
