using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The criteria and weights new selections start from, read.</summary>
public sealed class DefaultSelectionCriteriaQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<DefaultCriteriaView> GetAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var defaults = await LoadAsync(db.DefaultSelectionCriteria.AsNoTracking(), cancellationToken);
        return new DefaultCriteriaView(
            defaults.Criteria.OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Name, c.Weight, c.MustHave)).ToList(), defaults.Version);
    }

    // The reference data seeder creates the one row at every start. The commands load it here too, tracked.
    internal static async Task<DefaultSelectionCriteria> LoadAsync(IQueryable<DefaultSelectionCriteria> sets, CancellationToken cancellationToken)
        => await sets.SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException("The default selection criteria have not been set up; restart the application to seed them.");
}
