using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>The demo vendors are real data on the demo rollouts, made through the real rules.</summary>
public sealed class DemoVendorsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_demo_has_vendors_in_every_engagement_status_and_one_certification_expiring_within_60_days()
    {
        var factory = _database.Get<IDbContextFactory<ElearningRolloutDbContext>>();
        await new DemoRolloutsSeeder(factory, _database.Clock).SeedAsync(CancellationToken.None);
        var vendors = new DemoVendorsSeeder(factory, _database.Clock);
        await vendors.SeedAsync(CancellationToken.None);
        await vendors.SeedAsync(CancellationToken.None);

        await _database.PlayAsync(SqliteTestDatabase.Accounts.Executive);
        var registry = await _database.Get<VendorQueries>().ListAsync(new VendorListQuery(), new PageRequest());
        Assert.Equal(4, registry.TotalCount);
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        Assert.Contains(registry.Items.SelectMany(v => v.Certifications),
            c => c.Standing == CertificationStanding.ExpiringSoon && c.ExpiresOn <= today.AddDays(60));

        await using var db = await _database.CreateDbContextAsync();
        var statuses = await db.VendorEngagements.Select(e => e.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<EngagementStatus>().Order(), statuses.Order());

        var dealer = (await _database.Get<RolloutQueries>().GetAsync("ELR-0001"))!;
        Assert.NotEmpty(dealer.Gates.Single(g => g.Kind == GateKind.SecurityReview).VendorAlerts);
    }
}
