using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class RolloutLifecycleTests
{
    [Fact]
    public void Activating_a_draft_starts_its_first_phase()
    {
        var rollout = Given.ARollout();

        rollout.Activate(Given.Today);

        Assert.Equal(LifecycleStatus.Active, rollout.LifecycleStatus);
        var first = rollout.Phase(PhaseKind.Initiation);
        Assert.Equal(PhaseStatus.InProgress, first.Status);
        Assert.Equal(Given.Today, first.ActualStart);
    }

    [Fact]
    public void Activating_a_rollout_that_is_not_a_draft_is_refused()
    {
        var rollout = Given.AnActiveRollout();

        Assert.Equal("Only a draft rollout can be activated.", Refusal.Of(() => rollout.Activate(Given.Today)));
    }

    [Fact]
    public void Putting_a_rollout_on_hold_needs_a_reason_and_resuming_clears_it()
    {
        var rollout = Given.AnActiveRollout();

        Refusal.Of(() => rollout.PutOnHold(""));
        rollout.PutOnHold("Budget freeze");
        Assert.Equal((LifecycleStatus.OnHold, "Budget freeze"), (rollout.LifecycleStatus, rollout.StatusReason));

        rollout.Resume();
        Assert.Equal((LifecycleStatus.Active, (string?)null), (rollout.LifecycleStatus, rollout.StatusReason));
    }

    [Fact]
    public void Only_an_active_rollout_can_be_put_on_hold_and_only_a_held_one_resumed()
    {
        var draft = Given.ARollout();

        Assert.Equal("Only an active rollout can be put on hold.", Refusal.Of(() => draft.PutOnHold("Why")));
        Assert.Equal("Only a rollout on hold can be resumed.", Refusal.Of(draft.Resume));
    }

    [Fact]
    public void Phases_do_not_move_while_the_rollout_is_on_hold()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.Clear(gates.Gate(GateKind.BudgetAgreement), gates);
        rollout.PutOnHold("Budget freeze");

        var message = Refusal.Of(() => rollout.CompleteCurrentPhase(gates, Given.Today));

        Assert.Equal("The rollout is on hold; resume it before moving its phases.", message);
        Assert.Equal(PhaseKind.Initiation, rollout.CurrentPhase);
    }

    [Fact]
    public void Phases_of_a_draft_do_not_move()
    {
        var rollout = Given.ARollout();

        Assert.Equal(
            "Activate the rollout before moving its phases.",
            Refusal.Of(() => rollout.CompleteCurrentPhase(Given.GatesFor(rollout), Given.Today)));
    }

    [Fact]
    public void Going_live_without_a_cleared_go_live_sign_off_is_refused()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);

        var message = Refusal.Of(() => rollout.GoLive(gates, Given.Today));

        Assert.Equal("The rollout cannot go live until these gates are cleared: Go-live sign-off.", message);
        Assert.Equal(LifecycleStatus.Active, rollout.LifecycleStatus);
    }

    [Fact]
    public void Going_live_through_a_waived_sign_off_still_needs_every_condition_met()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        var conditional = gates.First(g => g.IsRequired && g.Approval.AllowsConditions);
        Given.MeetChecklist(conditional);
        conditional.Submit(Given.TrainerId, Given.Now);
        conditional.ApproveWithConditions(Given.ItLead(), "Fine once the runbook exists", [new NewCondition("Write the runbook", "it-ops-1", Given.Today.AddDays(5))], Given.Now);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);
        gates.Gate(GateKind.GoLiveSignOff).Waive(Given.Executive(), "Signed off in the board meeting", Given.Now);

        var message = Refusal.Of(() => rollout.GoLive(gates, Given.Today));

        Assert.Equal($"The rollout cannot go live while conditions are unmet on: {conditional.Kind.DisplayName()}.", message);
        Assert.Equal(LifecycleStatus.Active, rollout.LifecycleStatus);

        conditional.MeetCondition(conditional.Conditions.Single().Id, "it-ops-1", Given.Now);
        rollout.GoLive(gates, Given.Today);

        Assert.Equal(LifecycleStatus.Live, rollout.LifecycleStatus);
    }

    [Fact]
    public void Going_live_before_the_go_live_phase_is_refused()
    {
        var rollout = Given.AnActiveRollout();

        Assert.Equal(
            "The rollout can go live only from its Go-live phase.",
            Refusal.Of(() => rollout.GoLive(Given.GatesFor(rollout), Given.Today)));
    }

    [Fact]
    public void Going_live_with_a_cleared_sign_off_makes_the_rollout_live_and_starts_evaluation()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);
        Given.Clear(gates.Gate(GateKind.GoLiveSignOff), gates);

        rollout.GoLive(gates, Given.Today);

        Assert.Equal(LifecycleStatus.Live, rollout.LifecycleStatus);
        Assert.Equal(PhaseStatus.Completed, rollout.Phase(PhaseKind.GoLive).Status);
        Assert.Equal(PhaseKind.Evaluation, rollout.CurrentPhase);
        Assert.Equal(PhaseStatus.InProgress, rollout.Phase(PhaseKind.Evaluation).Status);
    }

    [Fact]
    public void Only_a_live_rollout_can_be_closed()
    {
        Assert.Equal("Only a live rollout can be closed.", Refusal.Of(Given.AnActiveRollout().Close));
    }

    [Fact]
    public void A_live_rollout_can_be_closed()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);
        Given.Clear(gates.Gate(GateKind.GoLiveSignOff), gates);
        rollout.GoLive(gates, Given.Today);

        rollout.Close();

        Assert.Equal(LifecycleStatus.Closed, rollout.LifecycleStatus);
        Assert.True(rollout.IsFinal);
    }

    [Fact]
    public void Cancelling_needs_a_reason()
    {
        var rollout = Given.ARollout();

        Assert.Equal("A reason for cancelling is required.", Refusal.Of(() => rollout.Cancel(" ")));
        Assert.Equal(LifecycleStatus.Draft, rollout.LifecycleStatus);
    }

    [Fact]
    public void A_rollout_on_hold_can_be_cancelled_with_its_reason_kept()
    {
        var rollout = Given.AnActiveRollout();
        rollout.PutOnHold("Budget freeze");

        rollout.Cancel("Vendor went bankrupt");

        Assert.Equal((LifecycleStatus.Cancelled, "Vendor went bankrupt"), (rollout.LifecycleStatus, rollout.StatusReason));
    }

    public static TheoryData<string> EveryChange() =>
    [
        "Describe", "AssignPeople", "ChangeAudiences", "ChangeAccessChannels", "ChangeHostingAndIntegrations",
        "ChangePilotCohort", "Reschedule", "ChangeHealth", "PlanPhase", "SkipPhase", "Activate", "PutOnHold",
        "Resume", "Cancel", "Close", "CompleteCurrentPhase", "SendBackTo",
    ];

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void A_cancelled_rollout_refuses_every_change(string change)
    {
        var rollout = Given.AnActiveRollout();
        rollout.Cancel("Merged into another programme");

        Assert.Equal("This rollout is cancelled; it can no longer be changed.", Refusal.Of(() => Apply(rollout, change)));
    }

    [Fact]
    public void A_closed_rollout_refuses_edits_of_its_details()
    {
        var rollout = Given.AnActiveRollout();
        var gates = Given.GatesFor(rollout);
        Given.AdvanceTo(rollout, gates, PhaseKind.GoLive);
        Given.Clear(gates.Gate(GateKind.GoLiveSignOff), gates);
        rollout.GoLive(gates, Given.Today);
        rollout.Close();

        Assert.Equal("This rollout is closed; it can no longer be changed.", Refusal.Of(() => Apply(rollout, "Describe")));
        Assert.Equal("This rollout is closed; it can no longer be changed.", Refusal.Of(() => Apply(rollout, "Cancel")));
        Assert.Equal("Dealer academy", rollout.Title);
    }

    private static void Apply(Rollout rollout, string change)
    {
        List<ClearanceGate> noGates = [];
        Action action = change switch
        {
            "Describe" => () => rollout.Describe("New title", null, null),
            "AssignPeople" => () => rollout.AssignPeople("trainer-2", null, null),
            "ChangeAudiences" => () => rollout.ChangeAudiences(Audiences.Partners, 10, 1),
            "ChangeAccessChannels" => () => rollout.ChangeAccessChannels(AccessChannels.OfficeNetwork),
            "ChangeHostingAndIntegrations" => () => rollout.ChangeHostingAndIntegrations(HostingModel.Hybrid, Integrations.Sap, ContentSource.Mixed),
            "ChangePilotCohort" => () => rollout.ChangePilotCohort(new PilotCohort("IT staff", 10, null, null)),
            "Reschedule" => () => rollout.Reschedule(Given.Today, Given.Today.AddDays(1)),
            "ChangeHealth" => () => rollout.ChangeHealth(RolloutHealth.AtRisk, "Because"),
            "PlanPhase" => () => rollout.PlanPhase(PhaseKind.Pilot, Given.Today, Given.Today.AddDays(5)),
            "SkipPhase" => () => rollout.SkipPhase(PhaseKind.Evaluation, "Not needed", noGates, Given.Today),
            "Activate" => () => rollout.Activate(Given.Today),
            "PutOnHold" => () => rollout.PutOnHold("Because"),
            "Resume" => rollout.Resume,
            "Cancel" => () => rollout.Cancel("Again"),
            "Close" => rollout.Close,
            "CompleteCurrentPhase" => () => rollout.CompleteCurrentPhase(noGates, Given.Today),
            "SendBackTo" => () => rollout.SendBackTo(PhaseKind.Initiation, "Scope", Given.TrainerId, Given.Now),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        action();
    }
}
