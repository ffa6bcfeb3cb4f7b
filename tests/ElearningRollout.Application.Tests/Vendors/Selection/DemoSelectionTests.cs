using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Vendors.Selection;

public sealed class DemoSelectionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_demo_has_an_open_selection_partly_scored_with_a_knock_out_and_a_pending_evaluator_and_seeds_once()
    {
        var factory = _database.Get<IDbContextFactory<ElearningRolloutDbContext>>();
        await new DemoRolloutsSeeder(factory, _database.Clock).SeedAsync(CancellationToken.None);
        await new DemoVendorsSeeder(factory, _database.Clock).SeedAsync(CancellationToken.None);
        var seeder = new DemoVendorSelectionSeeder(factory, _database.Clock);
        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        await _database.PlayAsync(SqliteTestDatabase.Accounts.Executive);
        var page = await _database.Get<VendorSelectionQueries>().GetAsync("ELR-0001");

        var selection = page.Selection!;
        Assert.True(selection.IsOpen);
        Assert.Equal(3, selection.Candidates.Count);
        Assert.Equal(["Brightpath LMS", "Skyline LMS Cloud"], selection.Ranking.Where(r => !r.RuledOut).Select(r => r.VendorName));
        Assert.Equal(["Security"], selection.Ranking.Single(r => r.RuledOut).KnockOuts);
        Assert.Single(selection.Evaluators, e => e.IsPending);
        await using var db = await _database.CreateDbContextAsync();
        Assert.Equal(1, await db.VendorSelections.CountAsync());
        Assert.Equal(1, await db.Vendors.CountAsync(v => v.Name == "Skyline LMS Cloud"));
    }
}
