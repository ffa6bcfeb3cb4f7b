using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

/// <summary>
/// The questions screens ask a rollout (which lifecycle moves, which phases to skip or send back to) answer exactly
/// what the moves themselves accept: checked for every move in rollouts standing in every status and in several phases.
/// </summary>
public class RolloutQuestionsTests
{
    private const string Reason = "Scope changed";

    private static readonly Dictionary<string, Func<Rollout>> Rollouts = new()
    {
        ["draft"] = () => Given.ARollout(),
        ["draft, assessment skipped"] = () => Skipped(Given.ARollout(), PhaseKind.Assessment),
        ["draft standing at go-live"] = () => DraftAt(PhaseKind.GoLive),
        ["active at initiation"] = () => Given.AnActiveRollout(),
        ["active at design and build"] = () => ActiveAt(PhaseKind.DesignAndBuild),
        ["active at design and build, pilot skipped"] = () => Skipped(ActiveAt(PhaseKind.DesignAndBuild), PhaseKind.Pilot),
        ["active at go-live"] = () => ActiveAt(PhaseKind.GoLive),
        ["on hold at pilot"] = () => OnHold(ActiveAt(PhaseKind.Pilot)),
        ["on hold at go-live"] = () => OnHold(ActiveAt(PhaseKind.GoLive)),
        ["live"] = Live,
        ["live, evaluation done"] = () => Completed(Live()),
        ["closed"] = () => Closed(Live()),
        ["cancelled while active"] = () => Cancelled(ActiveAt(PhaseKind.Pilot)),
        ["cancelled while live"] = () => Cancelled(Live()),
    };

    public static TheoryData<string> Scenarios => [.. Rollouts.Keys];

    [Fact]
    public void A_live_rollout_offers_close_and_cancel_and_can_be_cancelled()
    {
        var rollout = Live();

        Assert.Equal([LifecycleAction.Close, LifecycleAction.Cancel], rollout.AvailableLifecycleActions());
        rollout.Cancel("Licences withdrawn");
        Assert.Equal(LifecycleStatus.Cancelled, rollout.LifecycleStatus);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_lifecycle_move_is_offered_exactly_when_the_rollout_accepts_it(string scenario)
    {
        foreach (var action in Enum.GetValues<LifecycleAction>())
        {
            var offered = Rollouts[scenario]().AvailableLifecycleActions().Contains(action);
            var rollout = Rollouts[scenario]();
            var atGoLive = rollout.CurrentPhase == PhaseKind.GoLive;
            var refusal = Refusal.OrNull(() => Make(rollout, action));

            if (action == LifecycleAction.GoLive && offered && !atGoLive)
            {
                // Offered by the status; the rollout must also stand in its Go-live phase, and says so.
                Assert.Equal("The rollout can go live only from its Go-live phase.", refusal);
                continue;
            }

            Assert.True(offered == (refusal is null), $"{scenario}, {action}: offered {offered}, refused with \"{refusal}\".");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_phase_is_offered_for_skipping_exactly_when_the_rollout_accepts_skipping_it(string scenario)
    {
        var offered = Rollouts[scenario]().PhasesThatMayBeSkipped();

        foreach (var kind in PhaseTemplate.Standard)
        {
            var refusal = Refusal.OrNull(() => Rollouts[scenario]().SkipPhase(kind, Reason, [], Given.Today));
            Assert.True(offered.Contains(kind) == (refusal is null), $"{scenario}, {kind}: refused with \"{refusal}\".");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_phase_is_offered_to_send_back_to_exactly_when_the_rollout_accepts_it(string scenario)
    {
        var offered = Rollouts[scenario]().PhasesToSendBackTo();

        foreach (var kind in PhaseTemplate.Standard)
        {
            var refusal = Refusal.OrNull(() => Rollouts[scenario]().SendBackTo(kind, Reason, Given.TrainerId, Given.Now));
            Assert.True(offered.Contains(kind) == (refusal is null), $"{scenario}, {kind}: refused with \"{refusal}\".");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_reason_is_given_exactly_when_nothing_may_be_skipped_or_sent_back_and_it_is_the_refusal_of_the_current_phase(string scenario)
    {
        var rollout = Rollouts[scenario]();

        Assert.True((rollout.WhyNoPhaseMayBeSkipped() is null) == (rollout.PhasesThatMayBeSkipped().Count > 0), scenario);
        Assert.True((rollout.WhyNoSendBack() is null) == (rollout.PhasesToSendBackTo().Count > 0), scenario);

        // Where the guards refuse for the rollout's state (final, on hold, not active), the reason is their refusal.
        var skipRefusal = Refusal.OrNull(() => Rollouts[scenario]().SkipPhase(PhaseKind.Pilot, Reason, [], Given.Today));
        if (rollout.WhyNoPhaseMayBeSkipped() is { } whyNotSkip && (rollout.IsFinal || rollout.LifecycleStatus == LifecycleStatus.OnHold))
        {
            Assert.Equal(skipRefusal, whyNotSkip);
        }

        var sendBackRefusal = Refusal.OrNull(() => Rollouts[scenario]().SendBackTo(PhaseKind.Initiation, Reason, Given.TrainerId, Given.Now));
        if (rollout.WhyNoSendBack() is { } whyNotSendBack && rollout.LifecycleStatus != LifecycleStatus.Active)
        {
            Assert.Equal(sendBackRefusal, whyNotSendBack);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_answers_are_in_phase_order(string scenario)
    {
        var rollout = Rollouts[scenario]();

        Assert.Equal(rollout.PhasesThatMayBeSkipped().OrderBy(k => rollout.Phase(k).Order), rollout.PhasesThatMayBeSkipped());
        Assert.Equal(rollout.PhasesToSendBackTo().OrderBy(k => rollout.Phase(k).Order), rollout.PhasesToSendBackTo());
    }

    [Fact]
    public void A_phase_held_by_an_uncleared_gate_is_offered_and_the_skip_names_the_gate()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);

        Assert.Contains(PhaseKind.Initiation, rollout.PhasesThatMayBeSkipped());
        Assert.StartsWith(
            "Initiation cannot be skipped while these gates are not cleared: Budget agreement.",
            Refusal.Of(() => rollout.SkipPhase(PhaseKind.Initiation, Reason, gates, Given.Today)));
    }

    [Fact]
    public void Final_statuses_are_exactly_those_that_offer_no_move()
    {
        foreach (var status in Enum.GetValues<LifecycleStatus>())
        {
            Assert.Equal(status.IsFinal(), status.AvailableLifecycleActions().Count == 0);
            Assert.Equal(status.IsFinal(), LifecycleStatusRules.Final.Contains(status));
        }

        Assert.True(Closed(Live()).IsFinal);
        Assert.False(Live().IsFinal);
    }

    [Fact]
    public void Putting_on_hold_and_cancelling_need_a_reason_and_the_other_moves_do_not()
    {
        Assert.Equal(
            [LifecycleAction.PutOnHold, LifecycleAction.Cancel],
            Enum.GetValues<LifecycleAction>().Where(LifecycleMoves.NeedsReason));
        Assert.Equal("A reason for cancelling is required.", Refusal.Of(() => Live().Cancel(" ")));
    }

    private static void Make(Rollout rollout, LifecycleAction action)
    {
        switch (action)
        {
            case LifecycleAction.Activate: rollout.Activate(Given.Today); break;
            case LifecycleAction.PutOnHold: rollout.PutOnHold(Reason); break;
            case LifecycleAction.Resume: rollout.Resume(); break;
            case LifecycleAction.GoLive: rollout.GoLive([], Given.Today); break;
            case LifecycleAction.Close: rollout.Close(); break;
            case LifecycleAction.Cancel: rollout.Cancel(Reason); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }


    // Without gates on record, phases move freely: what is left are the rollout's own rules.
    private static Rollout DraftAt(PhaseKind phase)
    {
        var rollout = Given.ARollout();
        while (rollout.CurrentPhase != phase)
        {
            rollout.SkipPhase(rollout.CurrentPhase, "Not needed", [], Given.Today);
        }

        return rollout;
    }

    private static Rollout ActiveAt(PhaseKind phase)
    {
        var rollout = Given.AnActiveRollout();
        while (rollout.CurrentPhase != phase)
        {
            rollout.CompleteCurrentPhase([], Given.Today);
        }

        return rollout;
    }

    private static Rollout Live()
    {
        var rollout = ActiveAt(PhaseKind.GoLive);
        rollout.GoLive([], Given.Today);
        return rollout;
    }

    private static Rollout Skipped(Rollout rollout, PhaseKind phase)
    {
        rollout.SkipPhase(phase, "Not needed", [], Given.Today);
        return rollout;
    }

    private static Rollout Completed(Rollout rollout)
    {
        rollout.CompleteCurrentPhase([], Given.Today);
        return rollout;
    }

    private static Rollout OnHold(Rollout rollout)
    {
        rollout.PutOnHold("Budget freeze");
        return rollout;
    }

    private static Rollout Closed(Rollout rollout)
    {
        rollout.Close();
        return rollout;
    }

    private static Rollout Cancelled(Rollout rollout)
    {
        rollout.Cancel("Budget withdrawn");
        return rollout;
    }
}
