namespace ElearningRollout.Domain.Rollouts;

/// <summary>The phases of the standard rollout template, in their order.</summary>
public enum PhaseKind
{
    Initiation,
    Assessment,
    VendorSelection,
    DesignAndBuild,
    Pilot,
    GoLive,
    Evaluation,
}
