using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

public sealed class VendorEngagementTests : VendorTestBase
{
    [Fact]
    public async Task The_training_owner_proposes_an_engagement_with_IT_requirements_drawn_from_the_rollout()
    {
        var vendorId = await Scenario.VendorAsync();

        var (code, id) = await Scenario.EngagementAsync(vendorId);

        var tab = (await Scenario.EngagementReads.GetTabAsync(code))!;
        var engagement = tab.Engagements.Single();
        Assert.Equal((id, "Coursecraft Ltd", EngagementType.LmsPlatform, EngagementStatus.Proposed, 48000m, "EUR"),
            (engagement.Id, engagement.VendorName, engagement.Type, engagement.Status, engagement.ContractValue, engagement.Currency));
        // The draft rollout is vendor-hosted with SSO and reached on mobile devices.
        Assert.Equal(["Browsers", "Content standards", "Bandwidth", "Accessibility", "Allow-listed domains", "Encryption", "Data residency", "SSO", "Mobile"],
            engagement.Requirements.Select(r => r.Topic));
        Assert.Equal([EngagementStatus.Evaluating, EngagementStatus.Terminated], engagement.NextStatuses);
        Assert.Equal(new EngagementPermissions(true, false, true), tab.Can);
        Assert.Empty(engagement.Deliverables);
    }

    [Fact]
    public async Task The_status_moves_one_step_at_a_time_and_invalid_steps_are_refused_through_the_application()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());

        var skip = await Assert.ThrowsAsync<DomainException>(() => Scenario.MoveAsync(code, id, EngagementStatus.Active));
        Assert.Equal("An engagement that is proposed cannot move to active.", skip.Message);

        await Scenario.MoveAsync(code, id, EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active, EngagementStatus.Completed);
        Assert.Equal(EngagementStatus.Completed, (await Scenario.EngagementAsync(code, id)).Status);

        var after = await Assert.ThrowsAsync<DomainException>(async () => await Scenario.Engagements.ChangeStatusAsync(
            id, EngagementStatus.Terminated, "Too late", await Scenario.VersionAsync(code, id)));
        Assert.Equal("This engagement is already completed; it cannot be terminated.", after.Message);
    }

    [Fact]
    public async Task Contracting_a_platform_without_an_SLA_is_refused_and_terminating_keeps_the_reason()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync(), terms: VendorScenario.Contract(withSla: false));
        await Scenario.MoveAsync(code, id, EngagementStatus.Evaluating);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Scenario.MoveAsync(code, id, EngagementStatus.Contracted));
        Assert.Equal("A contracted hosting, LMS platform or support engagement needs its SLA: uptime and P1 response time.", refusal.Message);

        await Scenario.Engagements.ChangeStatusAsync(id, EngagementStatus.Terminated, "Would not commit to an SLA.", await Scenario.VersionAsync(code, id));
        var engagement = await Scenario.EngagementAsync(code, id);
        Assert.Equal((EngagementStatus.Terminated, "Would not commit to an SLA."), (engagement.Status, engagement.TerminationReason));
        Assert.Empty(engagement.NextStatuses);
    }

    [Fact]
    public async Task Invalid_terms_are_refused_beside_their_fields_and_nothing_is_written()
    {
        var vendorId = await Scenario.VendorAsync();
        var (code, id) = await Scenario.EngagementAsync(vendorId);
        var bad = VendorScenario.Contract();
        bad.Currency = "EURO";
        bad.EndDate = bad.StartDate!.Value.AddDays(-1);
        var version = await Scenario.VersionAsync(code, id);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Scenario.Engagements.ChangeTermsAsync(id, bad, version));

        Assert.Equal(["Use a three-letter ISO code, e.g. EUR."], invalid.Errors[nameof(EngagementTermsDraft.Currency)]);
        Assert.Equal(["The end cannot be before the start."], invalid.Errors[nameof(EngagementTermsDraft.EndDate)]);
        Assert.Equal("EUR", (await Scenario.EngagementAsync(code, id)).Currency);
    }

    [Fact]
    public async Task The_same_vendor_cannot_be_proposed_twice_for_the_same_work_while_one_is_open()
    {
        var vendorId = await Scenario.VendorAsync();
        var (code, id) = await Scenario.EngagementAsync(vendorId);

        var again = await Assert.ThrowsAsync<DomainException>(() => Scenario.Engagements.ProposeAsync(code, vendorId, EngagementType.LmsPlatform));
        Assert.Equal("Coursecraft Ltd already has an open lms platform engagement on this rollout.", again.Message);

        await Scenario.Engagements.ProposeAsync(code, vendorId, EngagementType.Support);
        await Scenario.Engagements.ChangeStatusAsync(id, EngagementStatus.Terminated, "Re-tendered.", await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.ProposeAsync(code, vendorId, EngagementType.LmsPlatform);
        Assert.Equal(3, (await Scenario.EngagementReads.GetTabAsync(code))!.Engagements.Count);
    }

    [Fact]
    public async Task Engagements_on_a_cancelled_rollout_no_longer_change()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());
        var catalog = Database.Get<RolloutQueries>();
        await Database.Get<RolloutCommands>().ChangeLifecycleAsync(code, LifecycleAction.Cancel, "Budget withdrawn.", (await catalog.GetAsync(code))!.Version);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Scenario.MoveAsync(code, id, EngagementStatus.Evaluating));

        Assert.Equal("This rollout is cancelled; its vendor engagements can no longer change.", refusal.Message);
        Assert.Equal(new EngagementPermissions(false, false, false), (await Scenario.EngagementReads.GetTabAsync(code))!.Can);
    }

    [Fact]
    public async Task A_status_change_is_audited_on_the_rollout_and_a_stale_version_is_a_conflict()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync());
        var seen = await Scenario.VersionAsync(code, id);
        await Scenario.Engagements.ChangeStatusAsync(id, EngagementStatus.Evaluating, null, seen);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Scenario.Engagements.ChangeStatusAsync(id, EngagementStatus.Terminated, "Stale", seen));

        Assert.StartsWith("Tara Training changed this vendor engagement", conflict.Message);
        await using var db = await Database.CreateDbContextAsync();
        var rolloutId = await db.Rollouts.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RolloutId == rolloutId && a.EntityType == nameof(VendorEngagement) && a.Action == "Changed").Select(a => a.After).ToListAsync();
        Assert.Contains(changes, after => after!.Contains("\"Status\":\"Evaluating\""));
    }
}
