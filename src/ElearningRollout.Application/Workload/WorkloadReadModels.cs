using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Application.Workload;

/// <summary>IT's review load as a whole: what anyone planning a submission may see.</summary>
/// <param name="Reviewers">The IT reviewers (active IT leads).</param>
/// <param name="Unassigned">Open reviews nobody is assigned to yet.</param>
/// <param name="Weeks">This week and the following ones, covering the next 30 days.</param>
/// <param name="Coming">Gates IT will be asked to review in the next 30 days, by their rollouts' planned phase dates.</param>
public sealed record WorkloadOverview(
    DateOnly Today,
    int Reviewers,
    int OpenReviews,
    int Unassigned,
    int DueThisWeek,
    int Overdue,
    int ReviewsPerReviewerPerWeek,
    IReadOnlyList<WeekCapacity> Weeks,
    IReadOnlyList<ComingToItGate> Coming);

/// <summary>
/// One week (Monday to Sunday) of IT's review capacity: what the reviewers can take on in its working days, what is
/// already due (the first week also carries everything overdue), what is expected to arrive, and what is left.
/// </summary>
public sealed record WeekCapacity(DateOnly WeekOf, int WorkingDays, int Capacity, int DueReviews, int ExpectedGates, int Free);

/// <summary>A gate a rollout reaches at the planned end of the phase it guards, not yet submitted.</summary>
public sealed record ComingToItGate(Guid GateId, string RolloutCode, string RolloutTitle, GateKind Kind, DateOnly ExpectedOn, string? ItLiaison);

/// <summary>One IT reviewer's figures (or the open reviews nobody is assigned to, with a null id).</summary>
/// <param name="AverageWorkingDaysToDecide">From submission to decision, in working days, over the last 90 days; null without decisions.</param>
/// <param name="ComingNext30Days">Gates of rollouts this person is IT liaison for, expected in the next 30 days (they are offered them by default).</param>
public sealed record ReviewerWorkload(
    string? ReviewerId,
    string Reviewer,
    int OpenReviews,
    int DueThisWeek,
    int Overdue,
    int DecidedLast90Days,
    double? AverageWorkingDaysToDecide,
    int ComingNext30Days);
