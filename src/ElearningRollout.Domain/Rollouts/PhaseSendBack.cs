namespace ElearningRollout.Domain.Rollouts;

/// <summary>A record that the rollout was sent back to an earlier phase, and why. Never changed.</summary>
public sealed class PhaseSendBack
{
    internal PhaseSendBack(PhaseKind from, PhaseKind to, string reason, string sentBackById, DateTimeOffset sentBackAt)
    {
        Id = Guid.CreateVersion7();
        From = from;
        To = to;
        Reason = reason;
        SentBackById = sentBackById;
        SentBackAt = sentBackAt;
    }

    // For EF Core.
    private PhaseSendBack()
    {
    }

    public Guid Id { get; private set; }

    public PhaseKind From { get; private set; }

    public PhaseKind To { get; private set; }

    public string Reason { get; private set; } = "";

    public string SentBackById { get; private set; } = "";

    public DateTimeOffset SentBackAt { get; private set; }
}
