using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Domain.Tests;

/// <summary>
/// The per-kind approval policy, and the gate's questions built on it (<see cref="ClearanceGate.MayDecide"/>,
/// <see cref="ClearanceGate.MayWaive"/>): checked against what the gate accepts for every kind, state and person.
/// </summary>
public class GateApprovalPolicyTests
{
    private const string Submitter = "submitter";

    private static readonly Actor[] People =
    [
        Given.TrainingManager(),
        Given.ItLead(),
        Given.ItLead(Submitter),
        Given.Executive(),
        Given.Executive(Submitter),
        Given.Person("both-1", Departments.It, Roles.ItLead, Roles.Executive),
        Given.Person(Submitter, Departments.It, Roles.ItLead, Roles.Executive),
    ];

    public static TheoryData<GateKind, GateState> KindsAndStates
    {
        get
        {
            var data = new TheoryData<GateKind, GateState>();
            foreach (var kind in Enum.GetValues<GateKind>())
            {
                foreach (var state in Enum.GetValues<GateState>())
                {
                    if (state != GateState.ApprovedWithConditions || GateApprovalPolicy.For(kind).AllowsConditions)
                    {
                        data.Add(kind, state);
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndStates))]
    public void May_decide_exactly_when_the_gate_accepts_a_decision_from_that_person(GateKind kind, GateState state)
    {
        foreach (var person in People)
        {
            var offered = GateIn(kind, state).MayDecide(person);
            var refusal = Refusal.OrNull(() => GateIn(kind, state).Reject(person, "Evidence is missing.", Given.Now));

            Assert.True(offered == (refusal is null), $"{person.UserId} on {kind} {state}: offered {offered}, refused with \"{refusal}\".");
            // The reason a screen shows beside the disabled action is the refusal the decision would get.
            Assert.Equal(refusal, GateIn(kind, state).WhyMayNotDecide(person));
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndStates))]
    public void May_waive_exactly_when_the_gate_accepts_a_waiver_from_that_person(GateKind kind, GateState state)
    {
        foreach (var person in People)
        {
            var offered = GateIn(kind, state).MayWaive(person);
            var refusal = Refusal.OrNull(() => GateIn(kind, state).Waive(person, "Does not apply to this rollout.", Given.Now));

            Assert.True(offered == (refusal is null), $"{person.UserId} on {kind} {state}: offered {offered}, refused with \"{refusal}\".");
            Assert.Equal(refusal, GateIn(kind, state).WhyMayNotWaive(person));
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndStates))]
    public void May_submit_exactly_when_the_gate_accepts_a_submission(GateKind kind, GateState state)
    {
        var offered = GateIn(kind, state).MaySubmit;
        var refusal = Refusal.OrNull(() => GateIn(kind, state).Submit(Given.TrainerId, Given.Now));

        Assert.True(offered == (refusal is null), $"{kind} {state}: offered {offered}, refused with \"{refusal}\".");
        Assert.Equal(refusal, GateIn(kind, state).WhyNotSubmittable);
        Assert.Equal(state is GateState.Draft or GateState.Rejected, offered);
    }

    [Fact]
    public void Go_live_sign_off_is_the_executives_sign_off_of_the_rollout_and_every_other_kind_an_it_review()
    {
        foreach (var kind in Enum.GetValues<GateKind>())
        {
            var policy = GateApprovalPolicy.For(kind);
            var signOff = kind == GateKind.GoLiveSignOff;

            Assert.Same(signOff ? GateApprovalPolicy.ExecutiveSignOff : GateApprovalPolicy.ItReview, policy);
            Assert.Equal(signOff ? Roles.Executive : Roles.ItLead, policy.DecidingRole);
            Assert.Equal(signOff ? RolloutContact.ExecutiveSponsor : RolloutContact.ItLiaison, policy.DefaultReviewer);
            Assert.Equal(signOff ? "executive" : "IT lead", policy.DeciderName);
            Assert.Equal(signOff ? "executive sponsor" : "IT liaison", policy.DefaultReviewerName);
            Assert.Equal(signOff ? "sponsor-1" : "liaison-1", GateApprovalPolicy.DefaultReviewerFor(policy.DecidingRole, "liaison-1", "sponsor-1"));
            Assert.Equal(!signOff, policy.InReviewQueue);
            Assert.Equal(!signOff, policy.AllowsConditions);
        }

        Assert.Equal([GateKind.GoLiveSignOff], GateApprovalPolicy.RolloutSignOffKinds);
        Assert.Equal(Enum.GetValues<GateKind>().Where(k => k != GateKind.GoLiveSignOff), GateApprovalPolicy.ReviewQueueKinds);
    }

    [Fact]
    public void The_default_reviewer_is_null_when_the_rollout_has_nobody_in_that_part()
    {
        Assert.Null(GateApprovalPolicy.DefaultReviewerFor(Roles.Executive, "liaison-1", null));
        Assert.Null(GateApprovalPolicy.DefaultReviewerFor(Roles.ItLead, null, "sponsor-1"));
    }

    [Theory]
    [InlineData(GateKind.SecurityReview, "Only an IT lead can decide the Security review gate.")]
    [InlineData(GateKind.BudgetAgreement, "Only an IT lead can decide the Budget agreement gate.")]
    [InlineData(GateKind.GoLiveSignOff, "Only an executive can give go-live sign-off.")]
    public void The_gate_refuses_the_wrong_role_in_the_policys_words(GateKind kind, string refusal)
    {
        var wrongRole = kind == GateKind.GoLiveSignOff ? Given.ItLead() : Given.Executive();

        Assert.Equal(refusal, GateApprovalPolicy.For(kind).DecideRefusal(kind));
        Assert.Equal(refusal, Refusal.Of(() => Given.ASubmittedGate(kind).Reject(wrongRole, "No.", Given.Now)));
        Assert.Equal(GateApprovalPolicy.WaiveRefusal, Refusal.Of(() => Given.ASubmittedGate(kind).Waive(Given.ItLead(), "Not needed.", Given.Now)));
    }

    [Fact]
    public void Only_a_rollout_sign_off_is_approved_with_the_sign_off_and_it_never_carries_conditions()
    {
        foreach (var kind in Enum.GetValues<GateKind>())
        {
            var policy = GateApprovalPolicy.For(kind);
            var decider = policy.DecidingRole == Roles.Executive ? Given.Executive() : Given.ItLead();
            var gate = Given.ASubmittedGate(kind);

            Assert.Equal(policy.SignsOffRollout, Refusal.OrNull(() => gate.Approve(decider, null, Given.Now)) is not null);
            Assert.Equal(policy.AllowsConditions, Refusal.OrNull(() => Given.ASubmittedGate(kind).ApproveWithConditions(
                decider, "Fix later.", [new NewCondition("Runbook", Given.TrainerId, Given.Today.AddDays(5))], Given.Now)) is null);
            Assert.Equal(policy.SignsOffRollout, Refusal.OrNull(() => Given.ASubmittedGate(kind).SignOffGoLive(decider, null, [], Given.Now)) is null);
        }
    }

    [Fact]
    public void The_review_queue_is_for_the_deciding_roles()
    {
        Assert.True(GateApprovalPolicy.MayWorkReviewQueue(Given.ItLead()));
        Assert.True(GateApprovalPolicy.MayWorkReviewQueue(Given.Executive()));
        Assert.False(GateApprovalPolicy.MayWorkReviewQueue(Given.TrainingManager()));
    }

    /// <summary>A gate of <paramref name="kind"/> in <paramref name="state"/>, its rounds submitted by <see cref="Submitter"/>.</summary>
    private static ClearanceGate GateIn(GateKind kind, GateState state)
    {
        var gate = Given.ADraftGate(kind);
        Given.MeetChecklist(gate);
        if (state == GateState.Draft)
        {
            return gate;
        }

        if (state == GateState.Waived)
        {
            gate.Waive(Given.Executive("waiver"), "Does not apply.", Given.Now);
            return gate;
        }

        gate.Submit(Submitter, Given.Now);
        var policy = GateApprovalPolicy.For(kind);
        var reviewer = Given.Person("reviewer", Departments.It, policy.DecidingRole);
        switch (state)
        {
            case GateState.InReview:
                gate.StartReview(reviewer, Given.Now);
                break;
            case GateState.Approved when policy.SignsOffRollout:
                gate.SignOffGoLive(reviewer, null, [], Given.Now);
                break;
            case GateState.Approved:
                gate.Approve(reviewer, null, Given.Now);
                break;
            case GateState.ApprovedWithConditions:
                gate.ApproveWithConditions(reviewer, "Later.", [new NewCondition("Runbook", Given.TrainerId, Given.Today.AddDays(5))], Given.Now);
                break;
            case GateState.Rejected:
                gate.Reject(reviewer, "Evidence is missing.", Given.Now);
                break;
        }

        Assert.Equal(state, gate.State);
        return gate;
    }

}
