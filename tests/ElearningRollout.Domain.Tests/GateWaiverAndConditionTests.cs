using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Tests;

public class GateWaiverAndConditionTests
{
    private static readonly NewCondition _condition = new("Rotate the SSO certificate", "it-ops-1", Given.Today.AddDays(14));

    [Fact]
    public void Approving_with_conditions_records_each_condition_unmet()
    {
        var gate = Given.ASubmittedGate();

        gate.ApproveWithConditions(Given.ItLead(), "Fine once SSO is hardened", [_condition], Given.Now);

        Assert.Equal(GateState.ApprovedWithConditions, gate.State);
        var condition = Assert.Single(gate.Conditions);
        Assert.Equal(("Rotate the SSO certificate", "it-ops-1", Given.Today.AddDays(14), 1), (condition.Text, condition.OwnerId, condition.DueDate, condition.RoundNumber));
        Assert.False(condition.IsMet);
        Assert.True(gate.HasUnmetConditions);
    }

    [Fact]
    public void Approving_with_conditions_needs_a_rationale_and_at_least_one_condition()
    {
        var gate = Given.ASubmittedGate();

        Assert.Equal(
            "A rationale for the conditions is required.",
            Refusal.Of(() => gate.ApproveWithConditions(Given.ItLead(), " ", [_condition], Given.Now)));
        Assert.Equal(
            "Add at least one condition, or approve without conditions.",
            Refusal.Of(() => gate.ApproveWithConditions(Given.ItLead(), "Why", [], Given.Now)));
        Assert.Equal(GateState.Submitted, gate.State);
    }

    [Fact]
    public void A_condition_due_in_the_past_is_refused()
    {
        var gate = Given.ASubmittedGate();

        var message = Refusal.Of(() => gate.ApproveWithConditions(
            Given.ItLead(), "Why", [_condition with { DueDate = Given.Today.AddDays(-1) }], Given.Now));

        Assert.Equal("A condition cannot be due in the past.", message);
        Assert.Empty(gate.Conditions);
    }

    [Fact]
    public void A_condition_is_met_by_its_owner_not_by_the_reviewer()
    {
        var gate = Given.ASubmittedGate();
        gate.ApproveWithConditions(Given.ItLead(), "Fine once SSO is hardened", [_condition], Given.Now);
        var condition = gate.Conditions[0];

        Assert.Equal("Only the owner of a condition can mark it met.", Refusal.Of(() => gate.MeetCondition(condition.Id, "it-lead-1", Given.Now)));
        gate.MeetCondition(condition.Id, "it-ops-1", Given.Now.AddDays(2));

        Assert.Equal(("it-ops-1", Given.Now.AddDays(2)), (condition.MetById, condition.MetAt));
        Assert.False(gate.HasUnmetConditions);
        Assert.Equal("This condition is already met.", Refusal.Of(() => gate.MeetCondition(condition.Id, "it-ops-1", Given.Now)));
    }

    [Fact]
    public void The_reviewer_who_sets_a_condition_cannot_own_it()
    {
        var gate = Given.ASubmittedGate();

        var message = Refusal.Of(() => gate.ApproveWithConditions(Given.ItLead(), "Why", [_condition with { OwnerId = "it-lead-1" }], Given.Now));

        Assert.Equal("A condition is met by its owner, not by the reviewer who sets it: choose someone else to own it.", message);
        Assert.Empty(gate.Conditions);
        Assert.Null(gate.CurrentRound!.Decision);
    }

    [Fact]
    public void An_unmet_condition_past_its_due_date_is_overdue()
    {
        var gate = Given.ASubmittedGate();
        gate.ApproveWithConditions(Given.ItLead(), "Why", [_condition], Given.Now);

        Assert.True(gate.Conditions[0].IsOverdue(Given.Today.AddDays(15)));
        Assert.False(gate.Conditions[0].IsOverdue(Given.Today.AddDays(14)));
    }

    [Fact]
    public void Only_an_executive_can_waive_a_gate()
    {
        var gate = Given.ASubmittedGate();

        Assert.Equal("Only an executive can waive a gate.", Refusal.Of(() => gate.Waive(Given.ItLead(), "Not needed", Given.Now)));
    }

    [Fact]
    public void Waiving_needs_a_rationale()
    {
        Assert.Equal(
            "A rationale for the waiver is required.",
            Refusal.Of(() => Given.ADraftGate().Waive(Given.Executive(), "", Given.Now)));
    }

    [Fact]
    public void Waiving_a_gate_under_review_decides_its_current_round()
    {
        var gate = Given.ASubmittedGate();

        gate.Waive(Given.Executive(), "Vendor covered by group contract", Given.Now);

        Assert.Equal(GateState.Waived, gate.State);
        Assert.True(gate.IsCleared);
        var round = Assert.Single(gate.Rounds);
        Assert.Equal((GateDecision.Waived, "exec-1", "Vendor covered by group contract"), (round.Decision, round.DecidedById, round.Rationale));
    }

    [Fact]
    public void Waiving_a_draft_or_rejected_gate_adds_a_waiver_round_without_a_submitter()
    {
        var draft = Given.ADraftGate();
        var rejected = Given.ASubmittedGate();
        rejected.Reject(Given.ItLead(), "No DPA", Given.Now);

        draft.Waive(Given.Executive(), "Not applicable", Given.Now);
        rejected.Waive(Given.Executive(), "Accepted at board level", Given.Now);

        Assert.Null(Assert.Single(draft.Rounds).SubmittedById);
        Assert.Equal([GateDecision.Rejected, GateDecision.Waived], rejected.Rounds.Select(r => r.Decision!.Value));
    }

    [Fact]
    public void An_executive_cannot_waive_a_gate_they_submitted()
    {
        var gate = Given.ADraftGate();
        gate.Submit("exec-1", Given.Now);

        Assert.Equal(
            "You submitted this gate for review, so someone else must decide it.",
            Refusal.Of(() => gate.Waive(Given.Executive("exec-1"), "Fine", Given.Now)));
    }

    [Fact]
    public void A_cleared_gate_cannot_be_waived()
    {
        var gate = Given.ASubmittedGate();
        gate.Approve(Given.ItLead(), null, Given.Now);

        Assert.Equal(
            "The Security review gate is already cleared; it can no longer change.",
            Refusal.Of(() => gate.Waive(Given.Executive(), "Why", Given.Now)));
    }
}
