using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class ClearanceGateReviewTests
{
    [Fact]
    public void A_new_gate_is_a_draft_guarding_its_phase_with_no_rounds()
    {
        var gate = Given.ADraftGate(GateKind.PrivacyAndDataProtection);

        Assert.Equal(GateState.Draft, gate.State);
        Assert.Equal(PhaseKind.VendorSelection, gate.GuardedPhase);
        Assert.False(gate.IsCleared);
        Assert.False(gate.HasDecision);
        Assert.Empty(gate.Rounds);
    }

    [Fact]
    public void Submitting_a_gate_opens_its_first_review_round()
    {
        var gate = Given.ADraftGate();

        gate.Submit(Given.TrainerId, Given.Now);

        Assert.Equal(GateState.Submitted, gate.State);
        var round = Assert.Single(gate.Rounds);
        Assert.Equal((1, Given.TrainerId, Given.Now), (round.Number, round.SubmittedById, round.SubmittedAt));
        Assert.Null(round.Decision);
    }

    [Fact]
    public void Submitting_a_gate_already_under_review_is_refused()
    {
        var gate = Given.ASubmittedGate();

        Assert.Equal("The Security review gate is already submitted for review.", Refusal.Of(() => gate.Submit("trainer-2", Given.Now)));
    }

    [Fact]
    public void Deciding_a_gate_nobody_submitted_is_refused()
    {
        var gate = Given.ADraftGate();
        Given.MeetChecklist(gate);

        var message = Refusal.Of(() => gate.Approve(Given.ItLead(), null, Given.Now));

        Assert.Equal("The Security review gate must be submitted for review before it is decided.", message);
    }

    [Fact]
    public void Starting_a_review_puts_the_gate_in_review_with_its_reviewer()
    {
        var gate = Given.ASubmittedGate();

        gate.StartReview(Given.ItLead("it-lead-7"), Given.Now);

        Assert.Equal(GateState.InReview, gate.State);
        Assert.Equal("it-lead-7", gate.ReviewerId);
        Assert.Equal("it-lead-7", gate.CurrentRound!.ReviewStartedById);
    }

    [Fact]
    public void Only_a_submitted_gate_can_be_taken_into_review()
    {
        Assert.Equal(
            "Only a gate submitted for review can be taken into review.",
            Refusal.Of(() => Given.ADraftGate().StartReview(Given.ItLead(), Given.Now)));
    }

    [Theory]
    [InlineData(Roles.TrainingManager)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Administrator)]
    public void Only_an_it_lead_decides_an_it_gate(string role)
    {
        var gate = Given.ASubmittedGate(GateKind.InfrastructureAndNetwork);
        var someone = Given.Person("someone", Departments.Training, role);

        var message = Refusal.Of(() => gate.Approve(someone, null, Given.Now));

        Assert.Equal("Only an IT lead can decide the Infrastructure and network gate.", message);
        Assert.Equal(GateState.Submitted, gate.State);
    }

    [Fact]
    public void Nobody_decides_a_gate_they_submitted()
    {
        var gate = Given.ADraftGate();
        Given.MeetChecklist(gate);
        gate.Submit("it-lead-1", Given.Now);

        var message = Refusal.Of(() => gate.Approve(Given.ItLead("it-lead-1"), null, Given.Now));

        Assert.Equal("You submitted this gate for review, so someone else must decide it.", message);
    }

    [Theory]
    [InlineData(ChecklistItemState.Open)]
    [InlineData(ChecklistItemState.Failed)]
    public void Approving_a_gate_with_an_open_or_failed_required_item_is_refused(ChecklistItemState state)
    {
        var gate = Given.ASubmittedGate();
        var required = gate.Checklist.Single(i => i.IsRequired);
        gate.SetChecklistItem(required.Id, state, "Questionnaire not returned", "it-lead-1", Given.Now);

        var message = Refusal.Of(() => gate.Approve(Given.ItLead(), null, Given.Now));

        Assert.Equal("The gate cannot be approved while a required checklist item is open or failed.", message);
    }

    [Fact]
    public void A_gate_with_open_optional_items_and_not_applicable_required_items_can_be_approved()
    {
        var gate = Given.ADraftGate();
        var required = gate.Checklist.Single(i => i.IsRequired);
        gate.SetChecklistItem(required.Id, ChecklistItemState.NotApplicable, "No personal data stored", Given.TrainerId, Given.Now);
        gate.Submit(Given.TrainerId, Given.Now);

        gate.Approve(Given.ItLead(), null, Given.Now);

        Assert.Equal(GateState.Approved, gate.State);
    }

    [Fact]
    public void Approving_records_the_decision_on_the_round_and_clears_the_gate()
    {
        var gate = Given.ASubmittedGate();

        gate.Approve(Given.ItLead(), "SOC 2 report checked", Given.Now);

        Assert.True(gate.IsCleared);
        Assert.True(gate.HasDecision);
        var round = gate.CurrentRound!;
        Assert.Equal(
            (GateDecision.Approved, "it-lead-1", "SOC 2 report checked", Given.Now),
            (round.Decision, round.DecidedById, round.Rationale, round.DecidedAt));
    }

    [Fact]
    public void A_decision_is_never_made_twice_for_a_round()
    {
        var gate = Given.ASubmittedGate();
        gate.Approve(Given.ItLead(), null, Given.Now);

        var message = Refusal.Of(() => gate.Reject(Given.ItLead("it-lead-2"), "Changed my mind", Given.Now));

        Assert.Equal("The Security review gate is already cleared; it can no longer change.", message);
        Assert.Equal(GateDecision.Approved, gate.CurrentRound!.Decision);
    }

    [Fact]
    public void Rejecting_a_gate_needs_a_rationale()
    {
        var gate = Given.ASubmittedGate();

        Assert.Equal("A rationale for the rejection is required.", Refusal.Of(() => gate.Reject(Given.ItLead(), "", Given.Now)));
        Assert.Equal(GateState.Submitted, gate.State);
    }

    [Fact]
    public void A_rejected_gate_is_resubmitted_as_a_new_round_and_the_rejection_stays_on_record()
    {
        var gate = Given.ASubmittedGate();
        gate.Reject(Given.ItLead(), "Pen test older than a year", Given.Now);

        Assert.Equal(
            "This round is already decided (rejected); resubmit the gate to start a new round.",
            Refusal.Of(() => gate.Approve(Given.ItLead(), null, Given.Now)));
        gate.Submit(Given.TrainerId, Given.Now.AddDays(3));

        Assert.Equal(GateState.Submitted, gate.State);
        Assert.Equal([1, 2], gate.Rounds.Select(r => r.Number));
        Assert.Equal(GateDecision.Rejected, gate.Rounds[0].Decision);
        Assert.Equal("Pen test older than a year", gate.Rounds[0].Rationale);
        Assert.Null(gate.Rounds[1].Decision);
    }

    [Fact]
    public void The_checklist_of_a_cleared_gate_cannot_change()
    {
        var gate = Given.ASubmittedGate();
        gate.Approve(Given.ItLead(), null, Given.Now);

        var message = Refusal.Of(() => gate.SetChecklistItem(gate.Checklist[0].Id, ChecklistItemState.Failed, null, "it-lead-1", Given.Now));

        Assert.Equal("The Security review gate is already cleared; it can no longer change.", message);
        Assert.Equal(ChecklistItemState.Met, gate.Checklist[0].State);
    }

    [Fact]
    public void Setting_a_checklist_item_records_evidence_who_and_when()
    {
        var gate = Given.ADraftGate();
        var item = gate.Checklist[0];

        gate.SetChecklistItem(item.Id, ChecklistItemState.Met, "https://wiki/soc2", "it-lead-1", Given.Now);

        Assert.Equal(
            (ChecklistItemState.Met, "https://wiki/soc2", "it-lead-1", Given.Now),
            (item.State, item.Evidence, item.SetById, item.SetAt));
    }

    [Fact]
    public void A_gate_past_its_due_date_and_not_cleared_is_overdue()
    {
        var gate = Given.ADraftGate();
        gate.AssignReviewer("it-lead-1", Given.Today);

        Assert.False(gate.IsOverdue(Given.Today));
        Assert.True(gate.IsOverdue(Given.Today.AddDays(1)));
        Assert.Equal("it-lead-1", gate.ReviewerId);
    }
}
