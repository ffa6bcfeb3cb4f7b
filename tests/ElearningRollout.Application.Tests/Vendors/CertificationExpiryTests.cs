using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>An expired or soon-expiring certification shows on the vendor, on each of its open engagements and on the engaging rollouts' Security review gate.</summary>
public sealed class CertificationExpiryTests : VendorTestBase
{
    private async Task<IReadOnlyList<CertificationAlert>> SecurityGateAlertsAsync(string code)
    {
        var rollout = (await Database.Get<RolloutQueries>().GetAsync(code))!;
        var summary = rollout.Gates.Single(g => g.Kind == GateKind.SecurityReview);
        var page = (await Database.Get<GateQueries>().GetAsync(summary.Id))!;
        Assert.Equal(summary.VendorAlerts, page.VendorAlerts);
        Assert.All(rollout.Gates.Where(g => g.Kind != GateKind.SecurityReview), g => Assert.Empty(g.VendorAlerts));
        return page.VendorAlerts;
    }

    [Fact]
    public async Task A_certification_moves_from_current_to_expiring_to_expired_everywhere_as_time_passes()
    {
        var vendorId = await Scenario.VendorAsync(soc2ExpiresInDays: 75);
        var expiresOn = Scenario.Today.AddDays(75);
        var (code, id) = await Scenario.EngagementAsync(vendorId);

        Assert.False((await Scenario.VendorReads.GetAsync(vendorId))!.NeedsAttention);
        Assert.Empty((await Scenario.EngagementAsync(code, id)).Alerts);
        Assert.Empty(await SecurityGateAlertsAsync(code));

        Database.Clock.Advance(TimeSpan.FromDays(15));
        var expiring = new CertificationAlert(vendorId, "Coursecraft Ltd", CertificationKind.Soc2TypeII, expiresOn, CertificationStanding.ExpiringSoon);
        Assert.Equal(CertificationStanding.ExpiringSoon, (await Scenario.VendorReads.GetAsync(vendorId))!.Certifications.Single().Standing);
        Assert.True((await Scenario.VendorReads.ListAsync(new VendorListQuery(), new PageRequest())).Items.Single().NeedsAttention);
        Assert.Equal([expiring], (await Scenario.EngagementAsync(code, id)).Alerts);
        Assert.Equal([expiring], await SecurityGateAlertsAsync(code));

        Database.Clock.Advance(TimeSpan.FromDays(61));
        var expired = expiring with { Standing = CertificationStanding.Expired };
        Assert.Equal([expired], (await Scenario.EngagementAsync(code, id)).Alerts);
        Assert.Equal([expired], await SecurityGateAlertsAsync(code));
    }

    [Fact]
    public async Task Renewing_the_certification_clears_the_flags()
    {
        var vendorId = await Scenario.VendorAsync(soc2ExpiresInDays: -5);
        var (code, id) = await Scenario.EngagementAsync(vendorId);
        Assert.Single(await SecurityGateAlertsAsync(code));

        await Database.PlayAsync(Accounts.ItLead);
        await Scenario.Vendors.RecordCertificationAsync(vendorId, CertificationKind.Soc2TypeII, Scenario.Today.AddYears(1), await Scenario.VendorVersionAsync(vendorId));

        Assert.Empty((await Scenario.EngagementAsync(code, id)).Alerts);
        Assert.Empty(await SecurityGateAlertsAsync(code));
    }

    [Fact]
    public async Task Only_rollouts_with_an_open_engagement_of_that_vendor_are_flagged()
    {
        var risky = await Scenario.VendorAsync("Risky Hosting", soc2ExpiresInDays: 10);
        var sound = await Scenario.VendorAsync("Sound Courses", soc2ExpiresInDays: 500);
        var (engaged, engagementId) = await Scenario.EngagementAsync(risky);
        var (other, _) = await Scenario.EngagementAsync(sound);

        Assert.Equal(["Risky Hosting"], (await SecurityGateAlertsAsync(engaged)).Select(a => a.VendorName));
        Assert.Empty(await SecurityGateAlertsAsync(other));

        await Scenario.Engagements.ChangeStatusAsync(engagementId, EngagementStatus.Terminated, "Certification lapsed.", await Scenario.VersionAsync(engaged, engagementId));

        Assert.Empty(await SecurityGateAlertsAsync(engaged));
        Assert.Empty((await Scenario.EngagementAsync(engaged, engagementId)).Alerts);
        Assert.True((await Scenario.VendorReads.GetAsync(risky))!.NeedsAttention);
    }
}
