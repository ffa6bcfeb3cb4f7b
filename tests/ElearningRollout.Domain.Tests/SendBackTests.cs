using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class SendBackTests
{
    private readonly Rollout _rollout = Given.AnActiveRollout();
    private readonly List<ClearanceGate> _gates;

    public SendBackTests()
    {
        _gates = Given.GatesFor(_rollout);
        _rollout.PlanPhase(PhaseKind.VendorSelection, Given.Today, Given.Today.AddDays(20));
        Given.AdvanceTo(_rollout, _gates, PhaseKind.DesignAndBuild);
    }

    [Fact]
    public void Sending_a_rollout_back_needs_a_reason()
    {
        var message = Refusal.Of(() => _rollout.SendBackTo(PhaseKind.Assessment, " ", Given.TrainerId, Given.Now));

        Assert.Equal("A reason for sending the rollout back is required.", message);
        Assert.Empty(_rollout.SendBacks);
    }

    [Theory]
    [InlineData(PhaseKind.DesignAndBuild)]
    [InlineData(PhaseKind.Pilot)]
    public void A_rollout_can_only_be_sent_back_to_an_earlier_phase(PhaseKind target)
    {
        var message = Refusal.Of(() => _rollout.SendBackTo(target, "Scope changed", Given.TrainerId, Given.Now));

        Assert.Equal("The rollout can only be sent back to a phase before Design and build.", message);
    }

    [Fact]
    public void A_rollout_on_hold_cannot_be_sent_back()
    {
        _rollout.PutOnHold("Waiting for budget");

        var message = Refusal.Of(() => _rollout.SendBackTo(PhaseKind.Assessment, "Scope changed", Given.TrainerId, Given.Now));

        Assert.Equal("A rollout can be sent back only while it is active.", message);
    }

    [Fact]
    public void Sending_back_records_who_sent_it_back_from_where_to_where_and_why()
    {
        _rollout.SendBackTo(PhaseKind.Assessment, "Mobile access added", "it-lead-1", Given.Now);

        var sendBack = Assert.Single(_rollout.SendBacks);
        Assert.Equal(
            (PhaseKind.DesignAndBuild, PhaseKind.Assessment, "Mobile access added", "it-lead-1", Given.Now),
            (sendBack.From, sendBack.To, sendBack.Reason, sendBack.SentBackById, sendBack.SentBackAt));
        Assert.Equal(PhaseKind.Assessment, _rollout.CurrentPhase);
        Assert.Equal(PhaseStatus.InProgress, _rollout.Phase(PhaseKind.Assessment).Status);
    }

    [Fact]
    public void Sending_back_resets_later_phases_but_keeps_their_dates_and_gate_decisions()
    {
        var vendorSelection = _rollout.Phase(PhaseKind.VendorSelection);
        var actualEnd = vendorSelection.ActualEnd;

        _rollout.SendBackTo(PhaseKind.Assessment, "Mobile access added", Given.TrainerId, Given.Now);

        Assert.Equal(PhaseStatus.NotStarted, vendorSelection.Status);
        Assert.Equal(PhaseStatus.NotStarted, _rollout.Phase(PhaseKind.DesignAndBuild).Status);
        Assert.Equal(actualEnd, vendorSelection.ActualEnd);
        Assert.Equal(Given.Today.AddDays(20), vendorSelection.PlannedEnd);
        Assert.Equal(GateState.Approved, _gates.Gate(GateKind.SecurityReview).State);
        Assert.Equal(GateState.Approved, _gates.Gate(GateKind.InfrastructureAndNetwork).State);
    }

    [Fact]
    public void Phases_after_a_send_back_complete_again_on_their_earlier_clearance()
    {
        _rollout.SendBackTo(PhaseKind.Assessment, "Mobile access added", Given.TrainerId, Given.Now);

        _rollout.CompleteCurrentPhase(_gates, Given.Today);

        Assert.Equal(PhaseKind.VendorSelection, _rollout.CurrentPhase);
    }

    [Fact]
    public void A_skipped_later_phase_stays_skipped_after_a_send_back()
    {
        var rollout = Given.AnActiveRollout(HostingModel.ItHostedOnPremises);
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.VendorSelection);
        rollout.SkipPhase(PhaseKind.VendorSelection, "Built in-house", gates, Given.Today);

        rollout.SendBackTo(PhaseKind.Initiation, "Budget reopened", Given.TrainerId, Given.Now);

        Assert.Equal(PhaseStatus.Skipped, rollout.Phase(PhaseKind.VendorSelection).Status);
        Assert.Equal(PhaseStatus.NotStarted, rollout.Phase(PhaseKind.Assessment).Status);
    }
}
