using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class RolloutGatePlannerTests
{
    private readonly RolloutGatePlanner _planner = new();

    [Fact]
    public void A_light_rollout_gets_every_gate_but_the_integration_gate()
    {
        var rollout = Given.ARollout(HostingModel.VendorHostedSaas, Integrations.Sso);

        var gates = _planner.GatesToAdd(rollout, [], Given.Templates);

        Assert.Equal(
            [GateKind.BudgetAgreement, GateKind.InfrastructureAndNetwork, GateKind.SecurityReview,
             GateKind.PrivacyAndDataProtection, GateKind.AccessibilityAndSupport, GateKind.GoLiveSignOff],
            gates.Select(g => g.Kind));
        Assert.All(gates, g => Assert.True(g.IsRequired && g.State == GateState.Draft && g.RolloutId == rollout.Id));
    }

    [Fact]
    public void An_in_house_rollout_hosted_by_it_gets_no_vendor_gates()
    {
        var rollout = Given.ARollout(HostingModel.ItHostedOnPremises, Integrations.None, ContentSource.InHouse);

        var kinds = _planner.GatesToAdd(rollout, [], Given.Templates).Select(g => g.Kind).ToList();

        Assert.DoesNotContain(GateKind.SecurityReview, kinds);
        Assert.DoesNotContain(GateKind.PrivacyAndDataProtection, kinds);
        Assert.Contains(GateKind.IntegrationAndContentStandards, kinds);
    }

    [Fact]
    public void A_new_gate_carries_a_copy_of_its_template_checklist_all_open()
    {
        var budget = Given.Template(GateKind.BudgetAgreement, PhaseKind.Initiation, checklist: [new("Data map", true), new("Retention rules", false)]);
        var templates = new GateTemplateSet(Given.Templates.Templates.Where(t => t.Kind != GateKind.BudgetAgreement).Append(budget));
        var rollout = Given.ARollout();

        var gate = _planner.GatesToAdd(rollout, [], templates).First();
        budget.Publish(
            InvolvementProfiles.All,
            [.. budget.Items.Select(i => new ChecklistItemEdit(i.Id, i.Text, i.IsRequired)), new(null, "Added to the template later", true)],
            "admin-1",
            Given.Now);

        Assert.Equal((GateKind.BudgetAgreement, 1), (gate.Kind, gate.TemplateVersion));
        Assert.Equal(["Data map", "Retention rules"], gate.Checklist.Select(i => i.Text));
        Assert.Equal([true, false], gate.Checklist.Select(i => i.IsRequired));
        Assert.Equal([1, 2], gate.Checklist.Select(i => i.Order));
        Assert.All(gate.Checklist, i => Assert.Equal(ChecklistItemState.Open, i.State));
    }

    [Fact]
    public void Adding_an_erp_integration_adds_only_the_newly_required_gate()
    {
        var rollout = Given.ARollout(HostingModel.VendorHostedSaas);
        var existing = Given.GatesFor(rollout);

        rollout.ChangeHostingAndIntegrations(HostingModel.VendorHostedSaas, Integrations.OtherErpCrm, ContentSource.InHouse);
        var added = _planner.GatesToAdd(rollout, existing, Given.Templates);

        Assert.Equal(GateKind.IntegrationAndContentStandards, Assert.Single(added).Kind);
    }

    [Fact]
    public void The_planner_never_duplicates_a_gate_the_rollout_already_has()
    {
        var rollout = Given.ARollout();
        var existing = Given.GatesFor(rollout);

        Assert.Empty(_planner.GatesToAdd(rollout, existing, Given.Templates));
    }

    [Fact]
    public void Gates_no_longer_needed_are_marked_not_required_unless_already_decided()
    {
        var rollout = Given.ARollout(HostingModel.VendorHostedSaas);
        var gates = Given.GatesFor(rollout);
        var security = gates.Gate(GateKind.SecurityReview);
        Given.Clear(security, gates);
        var privacy = gates.Gate(GateKind.PrivacyAndDataProtection);

        rollout.ChangeHostingAndIntegrations(HostingModel.ItHostedOnPremises, Integrations.None, ContentSource.InHouse);
        var changed = _planner.ReconcileRequirements(rollout, gates, Given.Templates);

        Assert.Equal([privacy], changed);
        Assert.False(privacy.IsRequired);
        Assert.True(security.IsRequired);
        Assert.Equal(GateState.Approved, security.State);
        Assert.Equal(6, gates.Count);
    }

    [Fact]
    public void A_gate_needed_again_is_marked_required_again()
    {
        var rollout = Given.ARollout(HostingModel.VendorHostedSaas);
        var gates = Given.GatesFor(rollout);
        rollout.ChangeHostingAndIntegrations(HostingModel.ItHostedOnPremises, Integrations.None, ContentSource.InHouse);
        _planner.ReconcileRequirements(rollout, gates, Given.Templates);

        rollout.ChangeHostingAndIntegrations(HostingModel.Hybrid, Integrations.None, ContentSource.InHouse);
        _planner.ReconcileRequirements(rollout, gates, Given.Templates);

        Assert.True(gates.Gate(GateKind.SecurityReview).IsRequired);
        var added = _planner.GatesToAdd(rollout, gates, Given.Templates);
        Assert.Equal(GateKind.IntegrationAndContentStandards, Assert.Single(added).Kind);
    }

    [Fact]
    public void A_decided_gate_refuses_to_be_marked_not_required()
    {
        var gate = Given.ASubmittedGate();
        gate.Reject(Given.ItLead(), "No SOC 2 report", Given.Now);

        Assert.Equal(
            "The Security review gate already has a decision, so it stays required.",
            Refusal.Of(gate.MarkNotRequired));
    }

    [Fact]
    public void No_gates_are_planned_for_a_cancelled_rollout()
    {
        var rollout = Given.ARollout();
        rollout.Cancel("Stopped");

        Assert.Equal(
            "This rollout is cancelled; it can no longer be changed.",
            Refusal.Of(() => _planner.GatesToAdd(rollout, [], Given.Templates)));
    }
}
