using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>Item 6 of the issue, for each of the four roles: who manages engagements, who owns the requirements, who only reads.</summary>
public sealed class EngagementPermissionTests : VendorTestBase
{
    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Only_the_training_owner_or_an_administrator_proposes_moves_and_runs_deliverables(string account)
    {
        var vendorId = await Scenario.VendorAsync();
        var (code, id) = await Scenario.EngagementAsync(vendorId, EngagementType.CourseDevelopment);
        await Scenario.MoveAsync(code, id, EngagementStatus.Evaluating, EngagementStatus.Contracted);
        var version = await Scenario.VersionAsync(code, id);
        await Database.PlayAsync(account);

        const string message = "Only the rollout's training owner or an administrator can manage its vendor engagements and deliverables.";
        Assert.Equal(message, (await Assert.ThrowsAsync<AccessRefusedException>(() => Scenario.Engagements.ProposeAsync(code, vendorId, EngagementType.Support))).Message);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Scenario.Engagements.ChangeStatusAsync(id, EngagementStatus.Active, null, version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Scenario.Engagements.ChangeTermsAsync(id, VendorScenario.Contract(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => Scenario.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Storyboard, null, version));
        var tab = (await Scenario.EngagementReads.GetTabAsync(code))!;
        Assert.False(tab.Can.Manage);
        Assert.Empty(tab.VendorChoices);
        Assert.All(tab.Engagements.Single().Deliverables, d => Assert.False(d.CanSubmit || d.CanDecide));
    }

    [Fact]
    public async Task An_administrator_may_step_in_for_the_training_owner()
    {
        var vendorId = await Scenario.VendorAsync();
        var (code, id) = await Scenario.EngagementAsync(vendorId);
        await Database.PlayAsync(Accounts.Admin);

        await Scenario.MoveAsync(code, id, EngagementStatus.Evaluating);
        await Scenario.Engagements.ProposeAsync(code, vendorId, EngagementType.Support);

        Assert.Equal(new EngagementPermissions(true, true, true), (await Scenario.EngagementReads.GetTabAsync(code))!.Can);
    }

    [Fact]
    public async Task IT_leads_own_the_technical_requirements_and_the_training_owner_may_not_edit_them()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());
        var first = (await Scenario.EngagementAsync(code, id)).Requirements[0];
        var draft = new RequirementDraft { Topic = "Ports", Text = "UDP 3478 open for live virtual classes." };

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await Scenario.Engagements.AddRequirementAsync(id, draft, await Scenario.VersionAsync(code, id)));
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await Scenario.Engagements.RemoveRequirementAsync(id, first.Id, await Scenario.VersionAsync(code, id)));
        Assert.Equal("Only IT leads and administrators write the technical requirements for a vendor.", refusal.Message);

        await Database.PlayAsync(Accounts.ItLead2);
        Assert.Equal(new EngagementPermissions(false, true, false), (await Scenario.EngagementReads.GetTabAsync(code))!.Can);
        var added = await Scenario.Engagements.AddRequirementAsync(id, draft, await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.ChangeRequirementAsync(id, first.Id, new RequirementDraft { Topic = "Browsers", Text = "Edge and Chrome, current and previous." },
            await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.RemoveRequirementAsync(id, added, await Scenario.VersionAsync(code, id));

        var requirements = (await Scenario.EngagementAsync(code, id)).Requirements;
        Assert.Equal("Edge and Chrome, current and previous.", requirements[0].Text);
        Assert.DoesNotContain(requirements, r => r.Topic == "Ports");
    }

    [Fact]
    public async Task The_training_owner_records_theVendors_acknowledgement_and_IT_cannot_record_it_for_the_vendor()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());
        var sso = (await Scenario.EngagementAsync(code, id)).Requirements.Single(r => r.Topic == "SSO");

        await Database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await Scenario.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await Scenario.VersionAsync(code, id)));
        await Database.PlayAsync(Accounts.Executive);
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await Scenario.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await Scenario.VersionAsync(code, id)));

        await Database.PlayAsync(Accounts.Training);
        await Scenario.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await Scenario.VersionAsync(code, id));
        var acknowledged = (await Scenario.EngagementAsync(code, id)).Requirements.Single(r => r.Id == sso.Id);
        Assert.Equal(("Nina Holm", "Tara Training", Database.Clock.GetUtcNow()), (acknowledged.AcknowledgedBy, acknowledged.RecordedBy, acknowledged.AcknowledgedAt!.Value));

        // IT rewrites it: the vendor must acknowledge the new wording.
        await Database.PlayAsync(Accounts.ItLead);
        await Scenario.Engagements.ChangeRequirementAsync(id, sso.Id, new RequirementDraft { Topic = "SSO", Text = "OIDC only." }, await Scenario.VersionAsync(code, id));
        Assert.Null((await Scenario.EngagementAsync(code, id)).Requirements.Single(r => r.Id == sso.Id).AcknowledgedAt);
    }

    [Fact]
    public async Task The_printable_requirements_carry_the_rollout_vendor_and_every_item_for_anyone_signed_in()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());
        await Database.PlayAsync(Accounts.Executive);

        var sheet = (await Scenario.EngagementReads.RequirementsSheetAsync(id))!;

        Assert.Equal((code, "Coursecraft Ltd", EngagementType.LmsPlatform), (sheet.RolloutCode, sheet.VendorName, sheet.Type));
        Assert.Equal((await Scenario.EngagementAsync(code, id)).Requirements.Count, sheet.Requirements.Count);
        Assert.Null(await Scenario.EngagementReads.RequirementsSheetAsync(Guid.NewGuid()));
    }
}
