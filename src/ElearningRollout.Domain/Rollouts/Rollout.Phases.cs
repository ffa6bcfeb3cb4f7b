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

            // Checked here as well as by the sign-off itself: an executive who waives the sign-off gate waives the
            // sign-off, not the conditions IT set when it approved the other gates.
            var withUnmetConditions = gates.Where(g => g.HasUnmetConditions).Select(g => g.Kind).ToList();
            if (withUnmetConditions.Count > 0)
            {
                throw new DomainException($"The rollout cannot go live while conditions are unmet on: {Names(withUnmetConditions)}.");
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
        ThrowIfRefused(SkipRefusalForStatus());
        var reasonText = Require.Text(reason, "A reason for skipping the phase", MaxReasonLength);
        var phase = Phase(kind);
        ThrowIfRefused(SkipRefusalForPhase(phase));

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
        ThrowIfRefused(SendBackRefusalForStatus());
        var reasonText = Require.Text(reason, "A reason for sending the rollout back", MaxReasonLength);
        var by = Require.UserId(sentBackById, "The person sending the rollout back");
        var from = Phase(CurrentPhase);
        var to = Phase(earlierPhase);
        ThrowIfRefused(SendBackRefusalForTarget(from, to));

        _sendBacks.Add(new PhaseSendBack(from.Kind, to.Kind, reasonText, by, now));
        foreach (var later in _phases.Where(p => p.Order > to.Order && p.Status != PhaseStatus.Skipped))
        {
            later.ResetToNotStarted();
        }

        to.Start(DateOnly.FromDateTime(now.UtcDateTime));
        CurrentPhase = to.Kind;
    }

    /// <summary>
    /// The phases <see cref="SkipPhase"/> accepts now, in phase order, by the same guards: not while the rollout is
    /// final or on hold, never Go-live, never a finished phase. A required gate at the phase's exit that is not
    /// cleared still refuses the skip (gates are their own aggregate; the refusal names them).
    /// </summary>
    public IReadOnlyList<PhaseKind> PhasesThatMayBeSkipped()
        => IsFinal || SkipRefusalForStatus() is not null
            ? []
            : [.. _phases.OrderBy(p => p.Order).Where(p => SkipRefusalForPhase(p) is null).Select(p => p.Kind)];

    /// <summary>
    /// The phases <see cref="SendBackTo"/> accepts now, in phase order, by the same guards: only while the rollout is
    /// active, and only to a phase before the current one.
    /// </summary>
    public IReadOnlyList<PhaseKind> PhasesToSendBackTo()
    {
        if (IsFinal || SendBackRefusalForStatus() is not null)
        {
            return [];
        }

        var from = Phase(CurrentPhase);
        return [.. _phases.OrderBy(p => p.Order).Where(p => SendBackRefusalForTarget(from, p) is null).Select(p => p.Kind)];
    }

    /// <summary>
    /// Why no phase may be skipped now (null while <see cref="PhasesThatMayBeSkipped"/> has one), in the words of the
    /// same guards, for the screen to show beside the disabled action.
    /// </summary>
    public string? WhyNoPhaseMayBeSkipped()
    {
        if (PhasesThatMayBeSkipped().Count > 0)
        {
            return null;
        }

        return IsFinal ? FinalRefusal()
            : SkipRefusalForStatus()
            ?? "Every phase before Go-live is already completed or skipped, and the Go-live phase cannot be skipped.";
    }

    /// <summary>
    /// Why the rollout cannot be sent back now (null while <see cref="PhasesToSendBackTo"/> has a phase), in the words
    /// of the same guards.
    /// </summary>
    public string? WhyNoSendBack()
    {
        if (PhasesToSendBackTo().Count > 0)
        {
            return null;
        }

        return IsFinal ? FinalRefusal()
            : SendBackRefusalForStatus()
            ?? $"{CurrentPhase.DisplayName()} is the first phase: there is no earlier phase to send the rollout back to.";
    }

    private string? SkipRefusalForStatus()
        => LifecycleStatus == LifecycleStatus.OnHold ? "The rollout is on hold; resume it before changing its phases." : null;

    private static string? SkipRefusalForPhase(RolloutPhase phase)
    {
        if (phase.Kind == PhaseKind.GoLive)
        {
            return "The Go-live phase cannot be skipped.";
        }

        return phase.IsDone
            ? $"{phase.Kind.DisplayName()} is already {(phase.Status == PhaseStatus.Completed ? "completed" : "skipped")}."
            : null;
    }

    private string? SendBackRefusalForStatus()
        => LifecycleStatus != LifecycleStatus.Active ? "A rollout can be sent back only while it is active." : null;

    private static string? SendBackRefusalForTarget(RolloutPhase from, RolloutPhase to)
        => to.Order >= from.Order ? $"The rollout can only be sent back to a phase before {from.Kind.DisplayName()}." : null;

    private static void ThrowIfRefused(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainException(refusal);
        }
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
