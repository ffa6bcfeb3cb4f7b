using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>Item 6 of the issue, for each of the four roles: who manages engagements, who owns the requirements, who only reads.</summary>
public sealed class EngagementPermissionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private VendorScenario _vendors = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _vendors = new VendorScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Only_the_training_owner_or_an_administrator_proposes_moves_and_runs_deliverables(string account)
    {
        var vendorId = await _vendors.VendorAsync();
        var (code, id) = await _vendors.EngagementAsync(vendorId, EngagementType.CourseDevelopment);
        await _vendors.MoveAsync(code, id, EngagementStatus.Evaluating, EngagementStatus.Contracted);
        var version = await _vendors.VersionAsync(code, id);
        await _database.PlayAsync(account);

        const string message = "Only the rollout's training owner or an administrator can manage its vendor engagements and deliverables.";
        Assert.Equal(message, (await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Engagements.ProposeAsync(code, vendorId, EngagementType.Support))).Message);
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Engagements.ChangeStatusAsync(id, EngagementStatus.Active, null, version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Engagements.ChangeTermsAsync(id, VendorScenario.Contract(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Storyboard, null, version));
        var tab = (await _vendors.EngagementReads.GetTabAsync(code))!;
        Assert.False(tab.Can.Manage);
        Assert.Empty(tab.VendorChoices);
        Assert.All(tab.Engagements.Single().Deliverables, d => Assert.False(d.CanSubmit || d.CanDecide));
    }

    [Fact]
    public async Task An_administrator_may_step_in_for_the_training_owner()
    {
        var vendorId = await _vendors.VendorAsync();
        var (code, id) = await _vendors.EngagementAsync(vendorId);
        await _database.PlayAsync(Accounts.Admin);

        await _vendors.MoveAsync(code, id, EngagementStatus.Evaluating);
        await _vendors.Engagements.ProposeAsync(code, vendorId, EngagementType.Support);

        Assert.Equal(new EngagementPermissions(true, true, true), (await _vendors.EngagementReads.GetTabAsync(code))!.Can);
    }

    [Fact]
    public async Task IT_leads_own_the_technical_requirements_and_the_training_owner_may_not_edit_them()
    {
        var (code, id) = await _vendors.EngagementAsync(await _vendors.VendorAsync());
        var first = (await _vendors.EngagementAsync(code, id)).Requirements[0];
        var draft = new RequirementDraft { Topic = "Ports", Text = "UDP 3478 open for live virtual classes." };

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await _vendors.Engagements.AddRequirementAsync(id, draft, await _vendors.VersionAsync(code, id)));
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await _vendors.Engagements.RemoveRequirementAsync(id, first.Id, await _vendors.VersionAsync(code, id)));
        Assert.Equal("Only IT leads and administrators write the technical requirements for a vendor.", refusal.Message);

        await _database.PlayAsync(Accounts.ItLead2);
        Assert.Equal(new EngagementPermissions(false, true, false), (await _vendors.EngagementReads.GetTabAsync(code))!.Can);
        var added = await _vendors.Engagements.AddRequirementAsync(id, draft, await _vendors.VersionAsync(code, id));
        await _vendors.Engagements.ChangeRequirementAsync(id, first.Id, new RequirementDraft { Topic = "Browsers", Text = "Edge and Chrome, current and previous." },
            await _vendors.VersionAsync(code, id));
        await _vendors.Engagements.RemoveRequirementAsync(id, added, await _vendors.VersionAsync(code, id));

        var requirements = (await _vendors.EngagementAsync(code, id)).Requirements;
        Assert.Equal("Edge and Chrome, current and previous.", requirements[0].Text);
        Assert.DoesNotContain(requirements, r => r.Topic == "Ports");
    }

    [Fact]
    public async Task The_training_owner_records_the_vendors_acknowledgement_and_IT_cannot_record_it_for_the_vendor()
    {
        var (code, id) = await _vendors.EngagementAsync(await _vendors.VendorAsync());
        var sso = (await _vendors.EngagementAsync(code, id)).Requirements.Single(r => r.Topic == "SSO");

        await _database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await _vendors.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await _vendors.VersionAsync(code, id)));
        await _database.PlayAsync(Accounts.Executive);
        await Assert.ThrowsAsync<AccessRefusedException>(async () =>
            await _vendors.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await _vendors.VersionAsync(code, id)));

        await _database.PlayAsync(Accounts.Training);
        await _vendors.Engagements.RecordAcknowledgementAsync(id, sso.Id, "Nina Holm", await _vendors.VersionAsync(code, id));
        var acknowledged = (await _vendors.EngagementAsync(code, id)).Requirements.Single(r => r.Id == sso.Id);
        Assert.Equal(("Nina Holm", "Tara Training", _database.Clock.GetUtcNow()), (acknowledged.AcknowledgedBy, acknowledged.RecordedBy, acknowledged.AcknowledgedAt!.Value));

        // IT rewrites it: the vendor must acknowledge the new wording.
        await _database.PlayAsync(Accounts.ItLead);
        await _vendors.Engagements.ChangeRequirementAsync(id, sso.Id, new RequirementDraft { Topic = "SSO", Text = "OIDC only." }, await _vendors.VersionAsync(code, id));
        Assert.Null((await _vendors.EngagementAsync(code, id)).Requirements.Single(r => r.Id == sso.Id).AcknowledgedAt);
    }

    [Fact]
    public async Task The_printable_requirements_carry_the_rollout_vendor_and_every_item_for_anyone_signed_in()
    {
        var (code, id) = await _vendors.EngagementAsync(await _vendors.VendorAsync());
        await _database.PlayAsync(Accounts.Executive);

        var sheet = (await _vendors.EngagementReads.RequirementsSheetAsync(id))!;

        Assert.Equal((code, "Coursecraft Ltd", EngagementType.LmsPlatform), (sheet.RolloutCode, sheet.VendorName, sheet.Type));
        Assert.Equal((await _vendors.EngagementAsync(code, id)).Requirements.Count, sheet.Requirements.Count);
        Assert.Null(await _vendors.EngagementReads.RequirementsSheetAsync(Guid.NewGuid()));
    }
}
