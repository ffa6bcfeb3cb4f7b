using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The criteria and weights new selections start from, kept by administrators.</summary>
public sealed class SelectionCriteriaDefaults(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, EditPipeline edits) : IUseCases
{
    public async Task<DefaultCriteriaView> GetAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var defaults = await LoadAsync(db.DefaultSelectionCriteria.AsNoTracking(), cancellationToken);
        return new DefaultCriteriaView(
            defaults.Criteria.OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Name, c.Weight, c.MustHave)).ToList(), defaults.Version);
    }

    /// <summary>Replaces the defaults; selections already started keep their own criteria.</summary>
    public Task ReviseAsync(CriteriaDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Defaults, expectedVersion, new EditAccess<Edit<DefaultSelectionCriteria>>(e => SelectionAccess.EnsureCanEditDefaults(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Revise(draft.ToSpecs());
        }, cancellationToken);

    /// <summary>The one set; a conflict names whoever last changed it or one of its criteria.</summary>
    private static readonly EditTarget<DefaultSelectionCriteria> Defaults = new("set of default selection criteria", (db, ct) => LoadAsync(db.DefaultSelectionCriteria, ct))
    {
        Guard = _ => new ConcurrencyGuard(
            "set of default selection criteria", a => a.EntityType == nameof(DefaultCriterion) || a.EntityType == nameof(DefaultSelectionCriteria)),
    };

    // The reference data seeder creates the one row at every start.
    private static async Task<DefaultSelectionCriteria> LoadAsync(IQueryable<DefaultSelectionCriteria> sets, CancellationToken cancellationToken)
        => await sets.SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException("The default selection criteria have not been set up; restart the application to seed them.");
}
