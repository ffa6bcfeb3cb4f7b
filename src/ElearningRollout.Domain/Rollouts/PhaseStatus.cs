namespace ElearningRollout.Domain.Rollouts;

public enum PhaseStatus
{
    NotStarted,
    InProgress,
    Completed,
    Skipped,
}
