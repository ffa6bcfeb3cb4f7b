using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Dashboard;

/// <summary>Filters of the sign-off dashboard: the training owner's department, the owner, the health.</summary>
public sealed record DashboardFilter(string? Department = null, string? TrainingOwnerId = null, RolloutHealth? Health = null);

public sealed record PortfolioRow(string Code, string Title, PhaseKind Phase, RolloutHealth Health, DateOnly TargetGoLive, string Owner, int DaysToGoLive);

/// <summary>How many active rollouts have their gate of this kind in this state.</summary>
public sealed record HeatmapCell(GateKind Kind, GateState State, int Rollouts);

/// <param name="Reviewer">Who has not decided yet: every pending reviewer of the round (the gate's reviewer for a round submitted before reviews were recorded one by one).</param>
public sealed record OverdueGateRow(Guid GateId, string Code, GateKind Kind, DateOnly DueDate, string? Reviewer)
{
    /// <summary>How many working days overdue, on the holiday calendar.</summary>
    public Domain.Calendar.ReviewClock? Clock { get; init; }
}

public sealed record UnmetConditionRow(Guid GateId, string Code, string Text, string Owner, DateOnly DueDate, bool IsOverdue);

public sealed record SignOffRow(Guid GateId, Guid Version, string Code, string Title, DateOnly TargetGoLive)
{
    /// <summary>Working days left on the sign-off's review, or overdue, on the holiday calendar; null without a due date.</summary>
    public Domain.Calendar.ReviewClock? Clock { get; init; }
}

public sealed record HealthCount(RolloutHealth Health, int Rollouts);

/// <summary>A department's committed and actual money over the filtered active rollouts, in one currency (never added to another).</summary>
public sealed record DepartmentMoneyTotal(string Department, string Currency, decimal Committed, decimal Actual);

public sealed record DashboardModel(
    int ActiveRollouts,
    int GoLivesWithin90Days,
    IReadOnlyList<HealthCount> ByHealth,
    IReadOnlyList<PortfolioRow> Portfolio,
    IReadOnlyList<PortfolioRow> GoLivesSoon,
    IReadOnlyList<DepartmentMoneyTotal> MoneyByDepartment,
    IReadOnlyList<HeatmapCell> Heatmap,
    IReadOnlyList<OverdueGateRow> OverdueGates,
    IReadOnlyList<UnmetConditionRow> UnmetConditions,
    IReadOnlyList<SignOffRow> AwaitingMySignOff,
    bool CanSignOff);

/// <summary>What one open dashboard shows: the filters and the portfolio page. Viewers of the same view share its snapshot.</summary>
public sealed record DashboardView(DashboardFilter Filter, Common.PageRequest Page);

/// <summary>A gate awaiting the sign-off on a whole rollout, with who may decide it now.</summary>
/// <param name="Holders">
/// Who holds its pending reviews today, sorted (the reviewer, or their stand-in while they are away, by the gate's rule
/// <see cref="ClearanceGate.HolderAmong"/>); empty when any decider may take it (nobody assigned).
/// </param>
public sealed record SignOffCandidate(Guid GateId, Guid Version, string Code, string Title, DateOnly TargetGoLive, GateKind Kind, IReadOnlyList<string> Holders)
{
    /// <summary>The review's due date, and where its working-day clock stands on the snapshot's day.</summary>
    public Domain.Calendar.ReviewClock? Clock { get; init; }

    /// <summary>Whether it awaits <paramref name="userId"/> (theirs, or nobody's yet).</summary>
    public bool Awaits(string userId) => Holders.Count == 0 || Holders.Contains(userId);

    // By value, holders included: the shared snapshot compares a recomputation with the last one (HasSameFigures).
    public bool Equals(SignOffCandidate? other) => other is not null && GateId == other.GateId && Version == other.Version
        && Code == other.Code && Title == other.Title && TargetGoLive == other.TargetGoLive && Kind == other.Kind
        && Holders.SequenceEqual(other.Holders) && Clock == other.Clock;

    public override int GetHashCode() => HashCode.Combine(GateId, Version);
}

/// <summary>
/// The dashboard's figures for one <see cref="DashboardView"/>, the same for every person who may read the dashboard
/// (everyone signed in sees every active rollout; no figure depends on the role). The one personal part, the sign-offs
/// awaiting me, is picked from <see cref="SignOffCandidates"/> by <see cref="For"/> with the same rule the query used
/// to apply: the kinds the person may decide, held by them (or a reviewer they stand in for) or by nobody yet, soonest go-live
/// first.
/// </summary>
public sealed record DashboardSnapshot(
    DashboardView View,
    int ActiveRollouts,
    int GoLivesWithin90Days,
    IReadOnlyList<HealthCount> ByHealth,
    IReadOnlyList<PortfolioRow> Portfolio,
    IReadOnlyList<PortfolioRow> GoLivesSoon,
    IReadOnlyList<DepartmentMoneyTotal> MoneyByDepartment,
    IReadOnlyList<HeatmapCell> Heatmap,
    IReadOnlyList<OverdueGateRow> OverdueGates,
    IReadOnlyList<UnmetConditionRow> UnmetConditions,
    IReadOnlyList<SignOffCandidate> SignOffCandidates,
    DateTimeOffset ComputedAt)
{
    /// <summary>The same figures as <paramref name="other"/>, whenever each was computed (a change that moved no figure).</summary>
    public bool HasSameFigures(DashboardSnapshot other) =>
        View == other.View && ActiveRollouts == other.ActiveRollouts && GoLivesWithin90Days == other.GoLivesWithin90Days
        && ByHealth.SequenceEqual(other.ByHealth) && Portfolio.SequenceEqual(other.Portfolio) && GoLivesSoon.SequenceEqual(other.GoLivesSoon)
        && MoneyByDepartment.SequenceEqual(other.MoneyByDepartment) && Heatmap.SequenceEqual(other.Heatmap)
        && OverdueGates.SequenceEqual(other.OverdueGates) && UnmetConditions.SequenceEqual(other.UnmetConditions)
        && SignOffCandidates.SequenceEqual(other.SignOffCandidates);

    /// <summary>This person's dashboard: the shared lists as they are, and their own sign-offs (at most <see cref="DashboardQueries.ListLength"/>).</summary>
    public DashboardModel For(Domain.Common.Actor actor)
    {
        var kinds = GateApprovalPolicy.RolloutSignOffKinds.Where(k => GateApprovalPolicy.For(k).MayDecide(actor)).ToHashSet();
        var awaiting = kinds.Count == 0
            ? []
            : SignOffCandidates.Where(c => kinds.Contains(c.Kind) && c.Awaits(actor.UserId))
                .Take(DashboardQueries.ListLength)
                .Select(c => new SignOffRow(c.GateId, c.Version, c.Code, c.Title, c.TargetGoLive) { Clock = c.Clock })
                .ToList();
        return new DashboardModel(ActiveRollouts, GoLivesWithin90Days, ByHealth, Portfolio, GoLivesSoon, MoneyByDepartment, Heatmap,
            OverdueGates, UnmetConditions, awaiting, kinds.Count > 0);
    }
}
