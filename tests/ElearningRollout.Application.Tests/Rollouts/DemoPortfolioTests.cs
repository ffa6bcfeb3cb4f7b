using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Rollouts;

/// <summary>The Development demo portfolio is real data, made through the real rules.</summary>
public sealed class DemoPortfolioTests : DatabaseTest
{
    [Fact]
    public async Task The_demo_portfolio_has_a_dozen_rollouts_across_phases_health_and_profiles_and_seeds_once()
    {
        var seeder = new DemoRolloutsSeeder(Database.Get<IDbContextFactory<ElearningRolloutDbContext>>(), Database.Clock);

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        await Database.PlayAsync(SqliteTestDatabase.Accounts.Executive);
        var all = await Database.Get<RolloutQueries>().ListAsync(new RolloutListQuery(), new PageRequest(0, 100));
        Assert.Equal(DemoRolloutCatalogue.All.Count, all.TotalCount);
        Assert.Equal(3, all.Items.Select(r => r.Profile).Distinct().Count());
        Assert.Equal(3, all.Items.Select(r => r.Health).Distinct().Count());
        Assert.True(all.Items.Select(r => r.CurrentPhase).Distinct().Count() >= 5);
        Assert.Contains(all.Items, r => r.Status == LifecycleStatus.Live);

        // A live rollout got there through its cleared gates, sign-off included.
        var live = (await Database.Get<RolloutQueries>().GetAsync(all.Items.First(r => r.Status == LifecycleStatus.Live).Code))!;
        Assert.All(live.Gates.Where(g => g.IsRequired), g => Assert.Contains(g.State, new[] { GateState.Approved, GateState.Waived }));
        await using var db = await Database.CreateDbContextAsync();
        Assert.True(await db.RiskEntries.CountAsync() >= 10);
    }

    [Fact]
    public async Task Every_demo_rollout_past_initiation_has_a_signed_agreement_whose_money_reaches_the_dashboard_except_the_one_left_to_start()
    {
        var factory = Database.Get<IDbContextFactory<ElearningRolloutDbContext>>();
        await new DemoRolloutsSeeder(factory, Database.Clock).SeedAsync(CancellationToken.None);
        var agreements = new DemoAgreementsSeeder(factory, Database.Clock);

        await agreements.SeedAsync(CancellationToken.None);
        await agreements.SeedAsync(CancellationToken.None);

        await using var db = await Database.CreateDbContextAsync();
        var started = await db.Rollouts.Where(r => r.LifecycleStatus != LifecycleStatus.Draft).Select(r => new { r.Id, r.Code }).ToListAsync();
        var signed = await AgreementStore.Whole(db).ToListAsync();
        Assert.Equal(started.Where(r => r.Code != "ELR-0003").Select(r => r.Id).Order(), signed.Select(a => a.RolloutId).Order());
        Assert.All(signed, a => Assert.Equal(Domain.CostSharing.AgreementState.Signed, a.State));
        Assert.Contains(signed, a => a.Actuals.Count > 0);
        var money = await db.DepartmentMoney.ToListAsync();
        Assert.Equal(signed.Select(a => a.Id).Order(), money.Select(m => m.AgreementId).Distinct().Order());
        Assert.Contains(money, m => m.Currency == "USD");
        Assert.Contains(money, m => m.ActualCents > 0);
    }
}
