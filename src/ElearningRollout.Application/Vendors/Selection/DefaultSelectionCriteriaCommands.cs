using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>The criteria and weights new selections start from, kept by administrators.</summary>
public sealed class DefaultSelectionCriteriaCommands(EditPipeline edits) : IUseCases
{
    /// <summary>Replaces the defaults; selections already started keep their own criteria.</summary>
    public Task ReviseAsync(CriteriaDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Defaults, expectedVersion, new EditAccess<Edit<DefaultSelectionCriteria>>(e => SelectionAccess.EnsureCanEditDefaults(e.Actor)), async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.Revise(draft.ToSpecs());
        }, cancellationToken);

    /// <summary>The one set; a conflict names whoever last changed it or one of its criteria.</summary>
    private static readonly EditTarget<DefaultSelectionCriteria> Defaults = new("set of default selection criteria", (db, ct) => DefaultSelectionCriteriaQueries.LoadAsync(db.DefaultSelectionCriteria, ct))
    {
        Guard = _ => new ConcurrencyGuard(
            "set of default selection criteria", a => a.EntityType == nameof(DefaultCriterion) || a.EntityType == nameof(DefaultSelectionCriteria)),
    };
}
