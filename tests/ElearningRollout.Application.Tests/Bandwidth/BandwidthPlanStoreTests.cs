using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Bandwidth;

/// <summary>
/// A plan's sites and waves are read each by a statement of its own (BandwidthPlanStore): in one statement they would
/// come back multiplied, every site with every wave.
/// </summary>
public sealed class BandwidthPlanStoreTests : DatabaseTest
{
    [Fact]
    public async Task A_plan_is_read_whole_with_a_statement_per_collection_not_their_product_in_one()
    {
        var planned = await BandwidthScenario.PlannedRolloutAsync(new PermissionScenario(Database));
        await Database.Get<BandwidthPlanCommands>().SaveWavesAsync(planned.Code, planned.Waves, planned.Version);

        await using var db = await Database.CreateDbContextAsync();
        Database.Statements.Reset();
        var plan = await BandwidthPlanStore.Whole(db).SingleAsync(p => db.Rollouts.Any(r => r.Id == p.RolloutId && r.Code == planned.Code));
        var statements = Database.Statements.Count;

        Assert.True(planned.Waves.Waves.Count > 1);
        Assert.Equal((1, planned.Waves.Waves.Count), (plan.Sites.Count, plan.Waves.Count));
        Assert.Equal(3, statements);
    }
}
