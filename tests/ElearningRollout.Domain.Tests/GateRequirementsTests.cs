using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class GateRequirementsTests
{
    private static bool IsRequired(ItInvolvementProfile profile, bool vendor, GateKind kind) =>
        GateRequirements.For(profile, vendor).Single(r => r.Kind == kind).IsRequired;

    [Theory]
    [InlineData(GateKind.BudgetAgreement)]
    [InlineData(GateKind.InfrastructureAndNetwork)]
    [InlineData(GateKind.AccessibilityAndSupport)]
    [InlineData(GateKind.GoLiveSignOff)]
    public void Some_gates_are_required_for_every_rollout(GateKind kind)
    {
        foreach (var profile in Enum.GetValues<ItInvolvementProfile>())
        {
            Assert.True(IsRequired(profile, vendor: false, kind));
            Assert.True(IsRequired(profile, vendor: true, kind));
        }
    }

    [Theory]
    [InlineData(GateKind.SecurityReview)]
    [InlineData(GateKind.PrivacyAndDataProtection)]
    public void Security_and_privacy_reviews_are_required_only_when_a_vendor_is_involved(GateKind kind)
    {
        Assert.True(IsRequired(ItInvolvementProfile.Deep, vendor: true, kind));
        Assert.False(IsRequired(ItInvolvementProfile.Deep, vendor: false, kind));
    }

    [Theory]
    [InlineData(ItInvolvementProfile.Light, false)]
    [InlineData(ItInvolvementProfile.Standard, true)]
    [InlineData(ItInvolvementProfile.Deep, true)]
    public void The_integration_gate_is_required_for_standard_and_deep_involvement(ItInvolvementProfile profile, bool expected)
    {
        Assert.Equal(expected, IsRequired(profile, vendor: true, GateKind.IntegrationAndContentStandards));
    }

    [Theory]
    [InlineData(GateKind.BudgetAgreement, PhaseKind.Initiation)]
    [InlineData(GateKind.InfrastructureAndNetwork, PhaseKind.Assessment)]
    [InlineData(GateKind.SecurityReview, PhaseKind.VendorSelection)]
    [InlineData(GateKind.PrivacyAndDataProtection, PhaseKind.VendorSelection)]
    [InlineData(GateKind.IntegrationAndContentStandards, PhaseKind.DesignAndBuild)]
    [InlineData(GateKind.AccessibilityAndSupport, PhaseKind.Pilot)]
    [InlineData(GateKind.GoLiveSignOff, PhaseKind.GoLive)]
    public void Each_gate_guards_the_exit_of_its_phase(GateKind kind, PhaseKind phase)
    {
        Assert.Equal(phase, GateRequirements.GuardedPhaseOf(kind));
        Assert.Equal(phase, GateRequirements.For(ItInvolvementProfile.Deep, true).Single(r => r.Kind == kind).GuardedPhase);
    }

    [Fact]
    public void The_evaluation_phase_has_no_gate()
    {
        Assert.DoesNotContain(GateRequirements.For(ItInvolvementProfile.Deep, true), r => r.GuardedPhase == PhaseKind.Evaluation);
    }

    [Fact]
    public void Every_gate_but_go_live_sign_off_is_decided_by_an_it_lead()
    {
        foreach (var kind in Enum.GetValues<GateKind>().Where(k => k != GateKind.GoLiveSignOff))
        {
            Assert.True(GateRequirements.IsItGate(kind));
            Assert.Equal(Roles.ItLead, GateRequirements.DecidingRole(kind));
        }

        Assert.False(GateRequirements.IsItGate(GateKind.GoLiveSignOff));
        Assert.Equal(Roles.Executive, GateRequirements.DecidingRole(GateKind.GoLiveSignOff));
    }
}
