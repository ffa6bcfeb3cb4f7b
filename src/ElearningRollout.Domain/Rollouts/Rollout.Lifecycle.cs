using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// The lifecycle: Draft -> Active <-> OnHold; Active -> Live (through the Go-live phase) -> Closed;
/// any non-final status -> Cancelled. Closed and Cancelled are final. Which status allows which move is the
/// table of <see cref="LifecycleMoves"/>; every method here guards with it.
/// </summary>
public sealed partial class Rollout
{
    /// <summary>
    /// The lifecycle moves the rollout's status allows now, in the order a screen offers them. Going live also needs
    /// the rollout in its Go-live phase with every required gate cleared; <see cref="GoLive"/> refuses otherwise.
    /// </summary>
    public IReadOnlyList<LifecycleAction> AvailableLifecycleActions() => LifecycleStatus.AvailableLifecycleActions();

    /// <summary>Starts the first phase that is not skipped.</summary>
    public void Activate(DateOnly today)
    {
        EnsureMay(LifecycleAction.Activate);
        LifecycleStatus = LifecycleStatus.Active;
        var current = Phase(CurrentPhase);
        if (!current.IsDone)
        {
            current.Start(today);
        }
    }

    public void PutOnHold(string reason)
    {
        EnsureMay(LifecycleAction.PutOnHold);
        StatusReason = Require.Text(reason, "A reason for putting the rollout on hold", MaxReasonLength);
        LifecycleStatus = LifecycleStatus.OnHold;
    }

    public void Resume()
    {
        EnsureMay(LifecycleAction.Resume);
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

        LifecycleMoves.Ensure(LifecycleAction.GoLive, LifecycleStatus);

        CompleteCurrentPhase(gatesOfRollout, today);
    }

    public void Close()
    {
        EnsureMay(LifecycleAction.Close);
        LifecycleStatus = LifecycleStatus.Closed;
    }

    public void Cancel(string reason)
    {
        EnsureMay(LifecycleAction.Cancel);
        StatusReason = Require.Text(reason, "A reason for cancelling", MaxReasonLength);
        LifecycleStatus = LifecycleStatus.Cancelled;
    }

    public void ChangeHealth(RolloutHealth health, string reason)
    {
        EnsureNotFinal();
        HealthReason = Require.Text(reason, "A reason for the health", MaxReasonLength);
        Health = health;
    }

    private void EnsureMay(LifecycleAction action)
    {
        EnsureNotFinal();
        LifecycleMoves.Ensure(action, LifecycleStatus);
    }
}
