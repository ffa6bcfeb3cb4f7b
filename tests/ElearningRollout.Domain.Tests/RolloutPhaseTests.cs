using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class RolloutPhaseTests
{
    [Fact]
    public void Completing_a_phase_with_an_uncleared_required_gate_is_refused()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);

        var message = Refusal.Of(() => rollout.CompleteCurrentPhase(gates, Given.Today));

        Assert.Equal("Initiation cannot be completed until these gates are cleared: Budget agreement.", message);
        Assert.Equal(PhaseStatus.InProgress, rollout.Phase(PhaseKind.Initiation).Status);
    }

    [Fact]
    public void Only_the_gates_on_record_hold_a_phase_back_so_a_later_template_change_blocks_nothing()
    {
        // Which kinds a profile requires is template data: an administrator may add a kind after a rollout planned
        // its gates. The planner adds that gate when the rollout's profile is next derived; until then the phase moves.
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout).Where(g => g.Kind != GateKind.BudgetAgreement).ToList();

        rollout.CompleteCurrentPhase(gates, Given.Today);

        Assert.Equal(PhaseKind.Assessment, rollout.CurrentPhase);
    }

    [Fact]
    public void Completing_a_phase_lists_every_uncleared_gate_at_its_exit()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.VendorSelection);

        var message = Refusal.Of(() => rollout.CompleteCurrentPhase(gates, Given.Today));

        Assert.Equal(
            "Vendor selection cannot be completed until these gates are cleared: Security review, Privacy and data protection.",
            message);
    }

    [Fact]
    public void Completing_a_phase_with_its_gate_cleared_starts_the_next_phase()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.Clear(gates.Gate(GateKind.BudgetAgreement), gates);
        var tomorrow = Given.Today.AddDays(1);

        rollout.CompleteCurrentPhase(gates, tomorrow);

        Assert.Equal(PhaseStatus.Completed, rollout.Phase(PhaseKind.Initiation).Status);
        Assert.Equal(tomorrow, rollout.Phase(PhaseKind.Initiation).ActualEnd);
        Assert.Equal(PhaseKind.Assessment, rollout.CurrentPhase);
        Assert.Equal(PhaseStatus.InProgress, rollout.Phase(PhaseKind.Assessment).Status);
        Assert.Equal(tomorrow, rollout.Phase(PhaseKind.Assessment).ActualStart);
    }

    [Theory]
    [InlineData("conditions")]
    [InlineData("waiver")]
    public void A_gate_approved_with_conditions_or_waived_lets_the_phase_complete(string clearance)
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        var budget = gates.Gate(GateKind.BudgetAgreement);
        if (clearance == "waiver")
        {
            budget.Waive(Given.Executive(), "Central budget covers it", Given.Now);
        }
        else
        {
            Given.MeetChecklist(budget);
            budget.Submit(Given.TrainerId, Given.Now);
            budget.ApproveWithConditions(
                Given.ItLead(), "Renewal price still open", [new("Price the renewal", Given.TrainerId, Given.Today.AddDays(30))], Given.Now);
        }

        rollout.CompleteCurrentPhase(gates, Given.Today);

        Assert.Equal(PhaseKind.Assessment, rollout.CurrentPhase);
    }

    [Fact]
    public void A_gate_that_is_not_required_does_not_hold_its_phase_back()
    {
        var rollout = Given.AnActiveRollout(HostingModel.ItHostedOnPremises);
        var gates = Given.GatesFor(rollout);
        gates.Add(new ClearanceGate(rollout.Id, Given.Templates.Of(GateKind.SecurityReview), isRequired: false));
        Given.AdvanceTo(rollout, gates, PhaseKind.VendorSelection);

        rollout.CompleteCurrentPhase(gates, Given.Today);

        Assert.Equal(PhaseKind.DesignAndBuild, rollout.CurrentPhase);
    }

    [Fact]
    public void Gates_of_another_rollout_are_not_accepted()
    {
        var rollout = Given.AnActiveRollout();
        var otherGates = Given.GatesFor(Given.ARollout());

        Assert.Throws<ArgumentException>(() => rollout.CompleteCurrentPhase(otherGates, Given.Today));
    }

    [Fact]
    public void Going_live_needs_a_gate_added_after_its_phase_was_completed()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.Pilot);
        rollout.ChangeHostingAndIntegrations(HostingModel.VendorHostedSaas, Integrations.HrisFeed, ContentSource.InHouse);
        var late = new RolloutGatePlanner().GatesToAdd(rollout, gates, Given.Templates);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);
        gates.AddRange(late);
        gates.Gate(GateKind.GoLiveSignOff).Waive(Given.Executive(), "Sign-off handled in the board meeting", Given.Now);

        var message = Refusal.Of(() => rollout.GoLive(gates, Given.Today));

        Assert.Equal("The rollout cannot go live until these gates are cleared: Integration and content standards.", message);
    }

    [Fact]
    public void Completing_the_last_phase_finishes_the_rollout_phases()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.Evaluation);

        rollout.CompleteCurrentPhase(gates, Given.Today);

        Assert.All(rollout.Phases, p => Assert.Equal(PhaseStatus.Completed, p.Status));
        Assert.Equal("Every phase of this rollout is already finished.", Refusal.Of(() => rollout.CompleteCurrentPhase(gates, Given.Today)));
    }

    [Fact]
    public void Skipping_a_phase_needs_a_reason()
    {
        var rollout = Given.AnActiveRollout(HostingModel.ItHostedOnPremises);

        var message = Refusal.Of(() => rollout.SkipPhase(PhaseKind.VendorSelection, "", [], Given.Today));

        Assert.Equal("A reason for skipping the phase is required.", message);
    }

    [Fact]
    public void Skipping_a_phase_with_an_uncleared_required_gate_is_refused()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);

        var message = Refusal.Of(() => rollout.SkipPhase(PhaseKind.VendorSelection, "Vendor already chosen", gates, Given.Today));

        Assert.StartsWith("Vendor selection cannot be skipped while these gates are not cleared: Security review, Privacy and data protection.", message);
        Assert.Equal(PhaseStatus.NotStarted, rollout.Phase(PhaseKind.VendorSelection).Status);
    }

    [Fact]
    public void A_phase_can_be_skipped_once_its_gates_are_waived()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        foreach (var gate in gates.Where(g => g.GuardedPhase == PhaseKind.VendorSelection))
        {
            gate.Waive(Given.Executive(), "Framework contract already covers this vendor", Given.Now);
        }

        rollout.SkipPhase(PhaseKind.VendorSelection, "Vendor already chosen", gates, Given.Today);

        Assert.Equal(PhaseStatus.Skipped, rollout.Phase(PhaseKind.VendorSelection).Status);
        Assert.Equal("Vendor already chosen", rollout.Phase(PhaseKind.VendorSelection).SkipReason);
    }

    [Fact]
    public void Skipping_a_later_phase_makes_completion_move_past_it()
    {
        var rollout = Given.AnActiveRollout(HostingModel.ItHostedOnPremises);
        var gates = Given.GatesFor(rollout);
        rollout.SkipPhase(PhaseKind.VendorSelection, "Built in-house", gates, Given.Today);

        Given.AdvanceTo(rollout, gates, PhaseKind.Assessment);
        Given.Clear(gates.Gate(GateKind.InfrastructureAndNetwork), gates);
        rollout.CompleteCurrentPhase(gates, Given.Today);

        Assert.Equal(PhaseKind.DesignAndBuild, rollout.CurrentPhase);
        Assert.Equal(PhaseStatus.Skipped, rollout.Phase(PhaseKind.VendorSelection).Status);
    }

    [Fact]
    public void Skipping_the_current_phase_starts_the_next_one()
    {
        var rollout = Given.AnActiveRollout(HostingModel.ItHostedOnPremises);
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.VendorSelection);

        rollout.SkipPhase(PhaseKind.VendorSelection, "Built in-house", gates, Given.Today);

        Assert.Equal(PhaseKind.DesignAndBuild, rollout.CurrentPhase);
        Assert.Equal(PhaseStatus.InProgress, rollout.Phase(PhaseKind.DesignAndBuild).Status);
    }

    [Fact]
    public void The_go_live_phase_cannot_be_skipped()
    {
        var rollout = Given.AnActiveRollout();

        Assert.Equal("The Go-live phase cannot be skipped.", Refusal.Of(() => rollout.SkipPhase(PhaseKind.GoLive, "Hurry", [], Given.Today)));
    }

    [Fact]
    public void A_completed_phase_cannot_be_skipped()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.Assessment);

        Assert.Equal("Initiation is already completed.", Refusal.Of(() => rollout.SkipPhase(PhaseKind.Initiation, "Oops", gates, Given.Today)));
    }

    [Fact]
    public void Planning_a_phase_that_ends_before_it_starts_is_refused()
    {
        var rollout = Given.ARollout();

        var message = Refusal.Of(() => rollout.PlanPhase(PhaseKind.Pilot, Given.Today, Given.Today.AddDays(-1)));

        Assert.Equal("The planned end of Pilot cannot be before its planned start.", message);
    }

    [Fact]
    public void Planning_a_phase_keeps_its_dates()
    {
        var rollout = Given.ARollout();

        rollout.PlanPhase(PhaseKind.Pilot, Given.Today, Given.Today);

        Assert.Equal((Given.Today, Given.Today), (rollout.Phase(PhaseKind.Pilot).PlannedStart, rollout.Phase(PhaseKind.Pilot).PlannedEnd));
    }
}
