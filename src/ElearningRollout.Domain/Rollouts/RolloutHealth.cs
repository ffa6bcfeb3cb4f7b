namespace ElearningRollout.Domain.Rollouts;

/// <summary>The owner's judgement of how the rollout is going, always given with a reason.</summary>
public enum RolloutHealth
{
    OnTrack,
    AtRisk,
    OffTrack,
}
