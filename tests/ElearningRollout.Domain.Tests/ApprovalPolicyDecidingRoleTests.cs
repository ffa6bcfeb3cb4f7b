using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

/// <summary>Who decides is part of a gate kind's versioned approval policy; a gate follows the version it was submitted under.</summary>
public sealed class ApprovalPolicyDecidingRoleTests
{
    private static ApprovalPolicyEdit AnyOne(string? decidingRole) => new(ApprovalRule.AnyOneReviewer, 1, [], [], 10, null, decidingRole);

    private static ClearanceGate SubmittedUnder(ApprovalPolicy? policy)
    {
        var gate = Given.ADraftGate();
        Given.MeetChecklist(gate);
        gate.AssignReviewer(null, Given.Today.AddDays(14));
        gate.Submit(Given.TrainerId, Given.Now, policy);
        return gate;
    }

    [Theory]
    [InlineData(GateKind.SecurityReview, Roles.ItLead)]
    [InlineData(GateKind.BudgetAgreement, Roles.ItLead)]
    [InlineData(GateKind.GoLiveSignOff, Roles.Executive)]
    public void Version_1_has_the_kinds_deciding_role(GateKind kind, string role)
        => Assert.Equal(role, Given.Template(kind, PhaseKind.GoLive).ApprovalPolicy.DecidingRole);

    [Fact]
    public void Publishing_executives_as_deciders_makes_the_next_version_and_names_them_in_the_summary()
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);

        template.PublishApprovalPolicy(AnyOne(Roles.Executive), "admin-1", Given.Now);

        Assert.Equal((2, Roles.Executive), (template.ApprovalPolicy.PolicyVersion, template.ApprovalPolicy.DecidingRole));
        Assert.Equal("any one executive", template.ApprovalPolicy.Describe(GateApprovalPolicy.ItReview));
    }

    [Fact]
    public void An_edit_that_does_not_name_a_role_keeps_the_current_one()
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);
        template.PublishApprovalPolicy(AnyOne(Roles.Executive), "admin-1", Given.Now);

        template.PublishApprovalPolicy(AnyOne(null) with { DeadlineWorkingDays = 5 }, "admin-1", Given.Now);

        Assert.Equal(Roles.Executive, template.ApprovalPolicy.DecidingRole);
    }

    [Fact]
    public void Go_live_sign_off_stays_decided_by_executives()
    {
        var template = Given.Template(GateKind.GoLiveSignOff, PhaseKind.GoLive);

        Assert.Equal("Go-live sign-off signs off the whole rollout, so executives decide it.",
            Refusal.Of(() => template.PublishApprovalPolicy(AnyOne(Roles.ItLead), "admin-1", Given.Now)));
        Assert.Equal(1, template.ApprovalPolicy.PolicyVersion);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.TrainingManager)]
    [InlineData("")]
    public void Only_a_role_that_may_decide_gates_can_be_chosen(string role)
        => Assert.Equal("Choose who decides: IT leads or executives.",
            Refusal.Of(() => Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection).PublishApprovalPolicy(AnyOne(role), "admin-1", Given.Now)));

    [Fact]
    public void Changing_only_who_decides_is_a_change()
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);

        template.PublishApprovalPolicy(AnyOne(Roles.Executive), "admin-1", Given.Now);
        template.PublishApprovalPolicy(AnyOne(Roles.ItLead), "admin-1", Given.Now);

        Assert.Equal((3, Roles.ItLead), (template.ApprovalPolicy.PolicyVersion, template.ApprovalPolicy.DecidingRole));
    }

    [Fact]
    public void A_gate_submitted_under_executives_is_decided_by_an_executive_and_not_by_an_IT_lead()
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);
        template.PublishApprovalPolicy(AnyOne(Roles.Executive), "admin-1", Given.Now);

        var gate = SubmittedUnder(template.ApprovalPolicy);

        Assert.Equal(Roles.Executive, gate.DeciderRole);
        Assert.True(gate.MayDecide(Given.Executive()));
        Assert.Equal($"Only an executive can decide the {gate.Kind.DisplayName()} gate.", gate.WhyMayNotDecide(Given.ItLead()));
        Assert.Contains("Only an executive", Refusal.Of(() => gate.StartReview(Given.ItLead(), Given.Now)));
    }

    [Fact]
    public void A_gate_submitted_before_policies_named_a_role_follows_its_kinds_role()
    {
        var gate = SubmittedUnder(policy: null);

        Assert.Equal(gate.Approval.DecidingRole, gate.DeciderRole);
        Assert.True(gate.MayDecide(Given.ItLead()));
        Assert.False(gate.MayDecide(Given.Executive()));
    }
}
