using ElearningRollout.Domain.Vendors.Selection;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>A conflict on a selection names the last person who changed it, its criteria, candidates or panel.</summary>
internal static class SelectionGuard
{
    // Scores are left out: an evaluator's score never makes someone else's edit of the selection stale.
    private static readonly string[] SelectionEntityTypes =
        [nameof(VendorSelection), nameof(SelectionCriterion), nameof(SelectionCandidate), nameof(SelectionEvaluator)];

    public static ConcurrencyGuard For(Guid rolloutId) =>
        new("vendor selection", a => a.RolloutId == rolloutId && SelectionEntityTypes.Contains(a.EntityType));
}
