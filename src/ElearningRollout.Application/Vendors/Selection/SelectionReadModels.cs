using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The vendor-selection page of a rollout: what the person may do, and the selection if one has started.</summary>
public sealed record SelectionPageView(
    string RolloutCode, string RolloutTitle, bool RolloutIsFinal, bool CanManage, bool CanScore, bool CanChooseWinner, SelectionView? Selection);

/// <param name="MyScores">The signed-in evaluator's own scores, keyed by (vendor, criterion).</param>
/// <param name="IsEvaluator">The signed-in person is on the panel.</param>
public sealed record SelectionView(
    Guid Id,
    EngagementType EngagementType,
    SelectionStatus Status,
    Guid Version,
    IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<CandidateView> Candidates,
    IReadOnlyList<EvaluatorView> Evaluators,
    IReadOnlyList<CandidateResult> Ranking,
    IReadOnlyDictionary<(Guid VendorId, Guid CriterionId), int> MyScores,
    bool IsEvaluator,
    SelectionDecision? Decision)
{
    public bool IsOpen => Status == SelectionStatus.Open;
}

public sealed record CriterionView(Guid Id, string Name, int Weight, bool MustHave);

public sealed record CandidateView(Guid VendorId, string Name);

public sealed record EvaluatorView(string UserId, string DisplayName, int Scored, int Expected, bool IsPending, bool HasScored);

public sealed record SelectionDecision(Guid WinnerVendorId, string WinnerName, string DecidedBy, DateTimeOffset DecidedAt, Guid? EngagementId);

/// <summary>One cell of an evaluator's grid; a null score clears it.</summary>
public sealed record ScoreDraft(Guid VendorId, Guid CriterionId, int? Score);

/// <summary>The administrators' default criteria with the version their edit must carry.</summary>
public sealed record DefaultCriteriaView(IReadOnlyList<CriterionView> Criteria, Guid Version);

public sealed record VendorChoice(Guid Id, string Name);
