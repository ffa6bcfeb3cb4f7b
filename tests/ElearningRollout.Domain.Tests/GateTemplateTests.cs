using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class GateTemplateTests
{
    private static GateTemplate Budget() => Given.Template(
        GateKind.BudgetAgreement,
        PhaseKind.Initiation,
        checklist:
        [
            new("Every cost line split", true, AgreementFact.EveryLineCategorisedAndSplit),
            new("Recurring costs priced", true, AgreementFact.AgreementSigned),
            new("CapEx or OpEx set", false),
        ]);

    private static List<ChecklistItemEdit> AsEdits(GateTemplate template)
        => [.. template.Items.Select(i => new ChecklistItemEdit(i.Id, i.Text, i.IsRequired))];

    [Theory]
    [InlineData(ItInvolvementProfile.Light, false)]
    [InlineData(ItInvolvementProfile.Standard, true)]
    [InlineData(ItInvolvementProfile.Deep, true)]
    public void A_template_is_required_for_the_profiles_it_names(ItInvolvementProfile profile, bool expected)
    {
        var integration = Given.Template(
            GateKind.IntegrationAndContentStandards, PhaseKind.DesignAndBuild, InvolvementProfiles.Standard | InvolvementProfiles.Deep);

        Assert.Equal(expected, integration.IsRequiredFor(profile, anyVendorInvolved: true));
    }

    [Fact]
    public void A_vendor_review_is_required_only_when_a_vendor_is_involved()
    {
        var security = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection, onlyWhenVendorInvolved: true);

        Assert.True(security.IsRequiredFor(ItInvolvementProfile.Deep, anyVendorInvolved: true));
        Assert.False(security.IsRequiredFor(ItInvolvementProfile.Deep, anyVendorInvolved: false));
    }

    [Fact]
    public void The_set_lists_gates_in_phase_order_with_their_phase()
    {
        var requirements = Given.Templates.For(ItInvolvementProfile.Light, anyVendorInvolved: true);

        Assert.Equal(
            [GateKind.BudgetAgreement, GateKind.InfrastructureAndNetwork, GateKind.SecurityReview, GateKind.PrivacyAndDataProtection,
             GateKind.IntegrationAndContentStandards, GateKind.AccessibilityAndSupport, GateKind.GoLiveSignOff],
            requirements.Select(r => r.Kind));
        Assert.Equal(PhaseKind.VendorSelection, requirements.Single(r => r.Kind == GateKind.SecurityReview).GuardedPhase);
        Assert.False(requirements.Single(r => r.Kind == GateKind.IntegrationAndContentStandards).IsRequired);
    }

    [Fact]
    public void A_set_without_a_kind_says_so_when_a_gate_of_it_is_needed()
    {
        var set = new GateTemplateSet(Given.Templates.Templates.Where(t => t.Kind != GateKind.GoLiveSignOff));

        Assert.Equal("There is no template for the Go-live sign-off gate; ask an administrator.", Refusal.Of(() => set.Of(GateKind.GoLiveSignOff)));
        Assert.Throws<ArgumentException>(() => new GateTemplateSet([.. Given.Templates.Templates, Budget()]));
    }

    [Fact]
    public void Publishing_adds_edits_reorders_and_removes_lines_as_the_next_version()
    {
        var budget = Budget();
        var edits = AsEdits(budget);
        edits[2] = edits[2] with { Text = "  CapEx or OpEx set on every line  ", IsRequired = true };
        edits.Reverse();
        edits.Insert(1, new ChecklistItemEdit(null, "Exit costs priced", false));

        budget.Publish(InvolvementProfiles.Standard | InvolvementProfiles.Deep, edits, "admin-1", Given.Now);

        Assert.Equal(2, budget.TemplateVersion);
        Assert.Equal("admin-1", budget.PublishedById);
        Assert.Equal(InvolvementProfiles.Standard | InvolvementProfiles.Deep, budget.RequiredFor);
        Assert.Equal(
            ["CapEx or OpEx set on every line", "Exit costs priced", "Recurring costs priced", "Every cost line split"],
            budget.Items.OrderBy(i => i.Order).Select(i => i.Text));
        Assert.Equal([1, 2, 3, 4], budget.Items.Select(i => i.Order));
        Assert.Equal([true, false, true, true], budget.Items.Select(i => i.IsRequired));
        Assert.Equal(AgreementFact.AgreementSigned, budget.Items[2].FollowsAgreement);
    }

    [Fact]
    public void A_line_that_follows_the_agreement_cannot_be_removed_or_made_optional()
    {
        var budget = Budget();
        var removed = AsEdits(budget).Skip(1).ToList();
        var optional = AsEdits(budget);
        optional[1] = optional[1] with { IsRequired = false };

        Assert.Equal(
            "\"Every cost line split\" follows the cost-sharing agreement, so it stays on the checklist and stays required.",
            Refusal.Of(() => budget.Publish(InvolvementProfiles.All, removed, "admin-1", Given.Now)));
        Assert.StartsWith("\"Recurring costs priced\" follows", Refusal.Of(() => budget.Publish(InvolvementProfiles.All, optional, "admin-1", Given.Now)));
        Assert.Equal(1, budget.TemplateVersion);
    }

    [Fact]
    public void Publishing_refuses_an_unusable_checklist()
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);
        var edits = AsEdits(template);

        Assert.Equal("Choose at least one IT involvement profile that requires this gate.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.None, edits, "admin-1", Given.Now)));
        Assert.Equal("A gate template needs at least one checklist item.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.All, [], "admin-1", Given.Now)));
        Assert.Equal("A checklist item is required.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.All, [.. edits, new(null, "  ", false)], "admin-1", Given.Now)));
        Assert.Equal("Each checklist item must be different from the others.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.All, [.. edits, new(null, "SUBPROCESSORS disclosed", false)], "admin-1", Given.Now)));
        Assert.Equal("The checklist was edited from an older version of this template; reload it.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.All, [.. edits, new(Guid.NewGuid(), "Gone line", false)], "admin-1", Given.Now)));
        Assert.Equal("Nothing has changed since version 1.",
            Refusal.Of(() => template.Publish(InvolvementProfiles.All, edits, "admin-1", Given.Now)));
        Assert.Equal(1, template.TemplateVersion);
    }

    [Fact]
    public void Existing_gates_keep_their_checklist_and_new_gates_copy_the_new_version()
    {
        var budget = Budget();
        var old = new ClearanceGate(Guid.NewGuid(), budget, isRequired: true);

        budget.Publish(InvolvementProfiles.All, [.. AsEdits(budget), new(null, "Exit costs priced", true)], "admin-1", Given.Now);
        var fresh = new ClearanceGate(Guid.NewGuid(), budget, isRequired: true);

        Assert.Equal((1, 3), (old.TemplateVersion, old.Checklist.Count));
        Assert.Equal((2, 4), (fresh.TemplateVersion, fresh.Checklist.Count));
        Assert.Equal("Exit costs priced", fresh.Checklist[^1].Text);
        Assert.Equal([AgreementFact.EveryLineCategorisedAndSplit, AgreementFact.AgreementSigned, null, null], fresh.Checklist.Select(i => i.FollowsAgreement));
    }

    [Fact]
    public void Who_decides_a_gate_kind_is_fixed_by_the_domain()
    {
        foreach (var kind in Enum.GetValues<GateKind>().Where(k => k != GateKind.GoLiveSignOff))
        {
            Assert.Equal(Roles.ItLead, GateApprovalPolicy.For(kind).DecidingRole);
            Assert.Equal(Roles.ItLead, GateApprovalPolicy.For(kind).DecidingRole);
        }

        Assert.Equal(Roles.Executive, GateApprovalPolicy.For(GateKind.GoLiveSignOff).DecidingRole);
        Assert.Equal(Roles.Executive, GateApprovalPolicy.For(GateKind.GoLiveSignOff).DecidingRole);
    }
}
