using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Dashboard;

/// <summary>Filters of the sign-off dashboard: the training owner's department, the owner, the health.</summary>
public sealed record DashboardFilter(string? Department = null, string? TrainingOwnerId = null, RolloutHealth? Health = null);

public sealed record PortfolioRow(string Code, string Title, PhaseKind Phase, RolloutHealth Health, DateOnly TargetGoLive, string Owner, int DaysToGoLive);

/// <summary>How many active rollouts have their gate of this kind in this state.</summary>
public sealed record HeatmapCell(GateKind Kind, GateState State, int Rollouts);

public sealed record OverdueGateRow(Guid GateId, string Code, GateKind Kind, DateOnly DueDate, string? Reviewer)
{
    /// <summary>How many working days overdue, on the holiday calendar.</summary>
    public Domain.Calendar.ReviewClock? Clock { get; init; }
}

public sealed record UnmetConditionRow(Guid GateId, string Code, string Text, string Owner, DateOnly DueDate, bool IsOverdue);

public sealed record SignOffRow(Guid GateId, Guid Version, string Code, string Title, DateOnly TargetGoLive);

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
