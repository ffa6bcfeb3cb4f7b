namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// Where a rollout stands as a whole. Closed and Cancelled are final: nothing changes afterwards.
/// </summary>
public enum LifecycleStatus
{
    Draft,
    Active,
    OnHold,
    Live,
    Closed,
    Cancelled,
}

/// <summary>The one definition of what a status means; everything else (read models, queries, screens) asks here.</summary>
public static class LifecycleStatusRules
{
    /// <summary>Closed and Cancelled: the rollout is kept as a record and nothing about it (or its gates, agreement, vendors) changes.</summary>
    public static readonly IReadOnlyList<LifecycleStatus> Final = [LifecycleStatus.Closed, LifecycleStatus.Cancelled];

    public static bool IsFinal(this LifecycleStatus status) => status is LifecycleStatus.Closed or LifecycleStatus.Cancelled;

    /// <summary>The status as a word in a sentence ("closed", "on hold").</summary>
    public static string InSentence(this LifecycleStatus status) => status switch
    {
        LifecycleStatus.OnHold => "on hold",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The lifecycle moves a rollout in this status may make (see <see cref="LifecycleMoves"/>).</summary>
    public static IReadOnlyList<LifecycleAction> AvailableLifecycleActions(this LifecycleStatus status) => LifecycleMoves.AvailableFrom(status);
}
