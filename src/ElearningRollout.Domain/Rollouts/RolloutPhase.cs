namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// One phase of a rollout. Only <see cref="Rollout"/> changes it, because whether a phase may
/// move depends on the rollout's status and its clearance gates.
/// </summary>
public sealed class RolloutPhase
{
    internal RolloutPhase(PhaseKind kind, int order)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Order = order;
        Status = PhaseStatus.NotStarted;
    }

    // For EF Core.
    private RolloutPhase()
    {
    }

    public Guid Id { get; private set; }

    public PhaseKind Kind { get; private set; }

    /// <summary>1-based position in the template.</summary>
    public int Order { get; private set; }

    public DateOnly? PlannedStart { get; private set; }

    public DateOnly? PlannedEnd { get; private set; }

    /// <summary>When the phase first started; kept when the rollout is sent back.</summary>
    public DateOnly? ActualStart { get; private set; }

    /// <summary>When the phase last completed; kept when the rollout is sent back.</summary>
    public DateOnly? ActualEnd { get; private set; }

    public PhaseStatus Status { get; private set; }

    public string? SkipReason { get; private set; }

    public bool IsDone => Status is PhaseStatus.Completed or PhaseStatus.Skipped;

    internal void Plan(DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        PlannedStart = plannedStart;
        PlannedEnd = plannedEnd;
    }

    internal void Start(DateOnly today)
    {
        Status = PhaseStatus.InProgress;
        ActualStart ??= today;
    }

    internal void Complete(DateOnly today)
    {
        Status = PhaseStatus.Completed;
        ActualEnd = today;
    }

    internal void Skip(string reason)
    {
        Status = PhaseStatus.Skipped;
        SkipReason = reason;
    }

    // Dates and the skip reason stay: a send-back must not erase what happened.
    internal void ResetToNotStarted() => Status = PhaseStatus.NotStarted;
}
