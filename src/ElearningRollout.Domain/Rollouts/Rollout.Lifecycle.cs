using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// The lifecycle: Draft -> Active <-> OnHold; Active -> Live (through the Go-live phase) -> Closed;
/// any non-final status -> Cancelled. Closed and Cancelled are final.
/// </summary>
public sealed partial class Rollout
{
    /// <summary>Starts the first phase that is not skipped.</summary>
    public void Activate(DateOnly today)
    {
        EnsureNotFinal();
        if (LifecycleStatus != LifecycleStatus.Draft)
        {
            throw new DomainException("Only a draft rollout can be activated.");
        }

        LifecycleStatus = LifecycleStatus.Active;
        var current = Phase(CurrentPhase);
        if (!current.IsDone)
        {
            current.Start(today);
        }
    }

    public void PutOnHold(string reason)
    {
        EnsureNotFinal();
        if (LifecycleStatus != LifecycleStatus.Active)
        {
            throw new DomainException("Only an active rollout can be put on hold.");
        }

        StatusReason = Require.Text(reason, "A reason for putting the rollout on hold", MaxReasonLength);
        LifecycleStatus = LifecycleStatus.OnHold;
    }

    public void Resume()
    {
        EnsureNotFinal();
        if (LifecycleStatus != LifecycleStatus.OnHold)
        {
            throw new DomainException("Only a rollout on hold can be resumed.");
        }

        StatusReason = null;
        LifecycleStatus = LifecycleStatus.Active;
    }

    /// <summary>
    /// Completes the Go-live phase, which is the only way a rollout becomes Live
    /// (see <see cref="CompleteCurrentPhase"/> for the gate rules).
    /// </summary>
    public void GoLive(IEnumerable<ClearanceGate> gatesOfRollout, DateOnly today)
    {
        EnsureNotFinal();
        if (CurrentPhase != PhaseKind.GoLive || Phase(PhaseKind.GoLive).IsDone)
        {
            throw new DomainException("The rollout can go live only from its Go-live phase.");
        }

        CompleteCurrentPhase(gatesOfRollout, today);
    }

    public void Close()
    {
        EnsureNotFinal();
        if (LifecycleStatus != LifecycleStatus.Live)
        {
            throw new DomainException("Only a live rollout can be closed.");
        }

        LifecycleStatus = LifecycleStatus.Closed;
    }

    public void Cancel(string reason)
    {
        EnsureNotFinal();
        StatusReason = Require.Text(reason, "A reason for cancelling", MaxReasonLength);
        LifecycleStatus = LifecycleStatus.Cancelled;
    }

    public void ChangeHealth(RolloutHealth health, string reason)
    {
        EnsureNotFinal();
        HealthReason = Require.Text(reason, "A reason for the health", MaxReasonLength);
        Health = health;
    }
}
