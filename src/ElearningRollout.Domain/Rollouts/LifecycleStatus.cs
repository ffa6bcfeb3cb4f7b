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
