using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// Moving through phases. Clearance gates are a separate aggregate, so the methods that depend
/// on them take the rollout's gates as an argument and check them here.
/// </summary>
public sealed partial class Rollout
{
    public void PlanPhase(PhaseKind kind, DateOnly? plannedStart, DateOnly? plannedEnd)
    {
        EnsureNotFinal();
        if (plannedStart is { } start && plannedEnd is { } end && end < start)
        {
            throw new DomainException($"The planned end of {kind.DisplayName()} cannot be before its planned start.");
        }

        Phase(kind).Plan(plannedStart, plannedEnd);
    }

    /// <summary>
    /// Completes the phase in progress and starts the next one that is not skipped. Refused while a
    /// required gate at the phase's exit is not cleared.
    /// Completing the Go-live phase takes the rollout live, and needs every required gate cleared.
    /// </summary>
    public void CompleteCurrentPhase(IEnumerable<ClearanceGate> gatesOfRollout, DateOnly today)
    {
        EnsureNotFinal();
        EnsurePhasesCanMove();
        var phase = Phase(CurrentPhase);
        if (phase.Status != PhaseStatus.InProgress)
        {
            throw new DomainException("Every phase of this rollout is already finished.");
        }

        var gates = OwnGates(gatesOfRollout);
        if (phase.Kind == PhaseKind.GoLive)
        {
            // Gates added late (hosting changed after their phase) must still be cleared before going live.
            var anyUncleared = UnclearedRequiredGates(gates, _ => true);
            if (anyUncleared.Count > 0)
            {
                throw new DomainException($"The rollout cannot go live until these gates are cleared: {Names(anyUncleared)}.");
            }
        }

        var uncleared = UnclearedRequiredGates(gates, guarded => guarded == phase.Kind);
        if (uncleared.Count > 0)
        {
            throw new DomainException($"{phase.Kind.DisplayName()} cannot be completed until these gates are cleared: {Names(uncleared)}.");
        }

        phase.Complete(today);
        if (phase.Kind == PhaseKind.GoLive)
        {
            LifecycleStatus = LifecycleStatus.Live;
        }

        MoveToNextPhase(phase, today);
    }

    /// <summary>
    /// Skips a phase that is not finished yet. A phase whose exit has a required gate that is not
    /// cleared cannot be skipped: skipping would be a way round the gate. If the gate does not apply,
    /// an executive waives it (which leaves a rationale on record) and then the phase can be skipped.
    /// Go-live is never skipped, because going live is what it records.
    /// </summary>
    public void SkipPhase(PhaseKind kind, string reason, IEnumerable<ClearanceGate> gatesOfRollout, DateOnly today)
    {
        EnsureNotFinal();
        if (LifecycleStatus == LifecycleStatus.OnHold)
        {
            throw new DomainException("The rollout is on hold; resume it before changing its phases.");
        }

        var reasonText = Require.Text(reason, "A reason for skipping the phase", MaxReasonLength);
        if (kind == PhaseKind.GoLive)
        {
            throw new DomainException("The Go-live phase cannot be skipped.");
        }

        var phase = Phase(kind);
        if (phase.IsDone)
        {
            var done = phase.Status == PhaseStatus.Completed ? "completed" : "skipped";
            throw new DomainException($"{kind.DisplayName()} is already {done}.");
        }

        var uncleared = UnclearedRequiredGates(OwnGates(gatesOfRollout), guarded => guarded == kind);
        if (uncleared.Count > 0)
        {
            throw new DomainException(
                $"{kind.DisplayName()} cannot be skipped while these gates are not cleared: {Names(uncleared)}. "
                + "An executive can waive a gate that does not apply.");
        }

        phase.Skip(reasonText);
        if (kind == CurrentPhase)
        {
            MoveToNextPhase(phase, today);
        }
    }

    /// <summary>
    /// Sends an active rollout back to an earlier phase (scope changed). Later phases return to
    /// NotStarted but keep their dates; skipped phases stay skipped; gates and their decisions are
    /// untouched. The send-back itself is recorded in <see cref="SendBacks"/>.
    /// </summary>
    public void SendBackTo(PhaseKind earlierPhase, string reason, string sentBackById, DateTimeOffset now)
    {
        EnsureNotFinal();
        if (LifecycleStatus != LifecycleStatus.Active)
        {
            throw new DomainException("A rollout can be sent back only while it is active.");
        }

        var reasonText = Require.Text(reason, "A reason for sending the rollout back", MaxReasonLength);
        var by = Require.UserId(sentBackById, "The person sending the rollout back");
        var from = Phase(CurrentPhase);
        var to = Phase(earlierPhase);
        if (to.Order >= from.Order)
        {
            throw new DomainException($"The rollout can only be sent back to a phase before {from.Kind.DisplayName()}.");
        }

        _sendBacks.Add(new PhaseSendBack(from.Kind, to.Kind, reasonText, by, now));
        foreach (var later in _phases.Where(p => p.Order > to.Order && p.Status != PhaseStatus.Skipped))
        {
            later.ResetToNotStarted();
        }

        to.Start(DateOnly.FromDateTime(now.UtcDateTime));
        CurrentPhase = to.Kind;
    }

    private void EnsurePhasesCanMove()
    {
        switch (LifecycleStatus)
        {
            case LifecycleStatus.Draft:
                throw new DomainException("Activate the rollout before moving its phases.");
            case LifecycleStatus.OnHold:
                throw new DomainException("The rollout is on hold; resume it before moving its phases.");
        }
    }

    private void MoveToNextPhase(RolloutPhase finished, DateOnly today)
    {
        var next = _phases
            .Where(p => p.Order > finished.Order && p.Status == PhaseStatus.NotStarted)
            .MinBy(p => p.Order);
        if (next is null)
        {
            return;
        }

        CurrentPhase = next.Kind;
        if (LifecycleStatus is LifecycleStatus.Active or LifecycleStatus.Live)
        {
            next.Start(today);
        }
    }
}
