using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The criteria and weights new selections start from, kept by administrators.</summary>
public sealed class SelectionCriteriaDefaults(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, CriteriaDraftValidator validator, RefusalAudit refusals)
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
    public async Task ReviseAsync(CriteriaDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => SelectionAccess.EnsureCanEditDefaults(actor), cancellationToken);
        await validator.EnsureValidAsync(draft, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var defaults = await LoadAsync(db.DefaultSelectionCriteria, cancellationToken);
        var guard = new ConcurrencyGuard(
            "set of default selection criteria", a => a.EntityType == nameof(DefaultCriterion) || a.EntityType == nameof(DefaultSelectionCriteria));
        await guard.EnsureVersionAsync(db, defaults, defaults.Version, expectedVersion, cancellationToken);
        defaults.Revise(draft.ToSpecs());
        await guard.SaveAsync(db, cancellationToken);
    }

    // The reference data seeder creates the one row at every start.
    private static async Task<DefaultSelectionCriteria> LoadAsync(IQueryable<DefaultSelectionCriteria> sets, CancellationToken cancellationToken)
        => await sets.SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException("The default selection criteria have not been set up; restart the application to seed them.");
}
