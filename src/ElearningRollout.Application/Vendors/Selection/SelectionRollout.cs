using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>What a selection needs to know about its rollout: who owns it, who is its IT liaison, is it final.</summary>
internal sealed record SelectionRollout(Guid Id, string Code, string Title, string TrainingOwnerId, string? ItLiaisonId, LifecycleStatus Status)
{
    // Scores are left out: an evaluator's score never makes someone else's edit of the selection stale.
    private static readonly string[] SelectionEntityTypes =
        [nameof(VendorSelection), nameof(SelectionCriterion), nameof(SelectionCandidate), nameof(SelectionEvaluator)];

    public bool IsFinal => Status.IsFinal();

    public static async Task<SelectionRollout> FindAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await db.Rollouts.AsNoTracking().Where(r => r.Code == code)
               .Select(r => new SelectionRollout(r.Id, r.Code, r.Title, r.TrainingOwnerId, r.ItLiaisonId, r.LifecycleStatus))
               .SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException($"There is no rollout {code}.");

    /// <summary>A conflict names the last person who changed this rollout's selection (not a score).</summary>
    public ConcurrencyGuard Guard() =>
        new("vendor selection", a => a.RolloutId == Id && SelectionEntityTypes.Contains(a.EntityType));

    public void EnsureNotFinal()
    {
        if (IsFinal)
        {
            throw new DomainException($"This rollout is {Status.InSentence()}; its vendor selection can no longer change.");
        }
    }
}
