using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>
/// An engagement's requirements, deliverables and package checks are read each by a statement of its own
/// (EngagementStore): in one statement they would come back multiplied.
/// </summary>
public sealed class EngagementStoreTests : VendorTestBase
{
    [Fact]
    public async Task An_engagement_is_read_whole_with_a_statement_per_collection_not_their_product_in_one()
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync(), EngagementType.CourseDevelopment);
        var shown = await Scenario.EngagementAsync(code, id);

        await using var db = await Database.Get<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        Database.Statements.Reset();
        var engagement = await EngagementStore.Target(id).Load(db, CancellationToken.None);
        var statements = Database.Statements.Count;

        Assert.NotEmpty(engagement.Deliverables);
        Assert.Equal((shown.Requirements.Count, shown.Deliverables.Count), (engagement.Requirements.Count, engagement.Deliverables.Count));
        Assert.Equal(4, statements);
    }
}
