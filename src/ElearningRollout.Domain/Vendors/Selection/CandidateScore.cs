using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>
/// One evaluator's 1-5 for one candidate on one criterion. Each evaluator writes only their own rows, so two evaluators
/// scoring at the same moment never overwrite each other.
/// </summary>
[OwnRecord("Each evaluator writes only their own scores: evaluators scoring at the same time, or while the training owner edits a criterion, must not conflict.")]
public sealed class CandidateScore
{
    public const int Lowest = 1;
    public const int Highest = 5;

    internal CandidateScore(string evaluatorId, Guid vendorId, Guid criterionId, int score, DateTimeOffset scoredAt)
    {
        Id = Guid.CreateVersion7();
        EvaluatorId = evaluatorId;
        VendorId = vendorId;
        CriterionId = criterionId;
        Change(score, scoredAt);
    }

    // For EF Core.
    private CandidateScore()
    {
    }

    public Guid Id { get; private set; }

    public string EvaluatorId { get; private set; } = "";

    public Guid VendorId { get; private set; }

    public Guid CriterionId { get; private set; }

    public int Score { get; private set; }

    public DateTimeOffset ScoredAt { get; private set; }

    internal void Change(int score, DateTimeOffset scoredAt)
    {
        Score = score;
        ScoredAt = scoredAt;
    }
}
