using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Reads clearance gates whole. A gate's checklist, review rounds, conditions and reviews are four collections: read in
/// one statement they come back multiplied, every item with every round with every condition with every review (a
/// 12-item checklist, three rounds of two reviews and two conditions are 432 rows for 24 records), and every
/// resubmission adds a round and its reviews. Each is read by a statement of its own instead, as the cost-sharing
/// agreement is (AgreementStore). Every load of a gate goes through here; queries that select a gate's columns into a
/// read model load none of its collections and need not.
/// </summary>
internal static class GateStore
{
    public static IQueryable<ClearanceGate> Whole(ElearningRolloutDbContext db) => db.ClearanceGates.AsSplitQuery();

    /// <summary>
    /// Gates awaiting a decision with a review by <paramref name="reviewerId"/> still open, in any round: what the database
    /// can narrow. Whether that review is in the current round is the gate's to say (<see cref="ClearanceGate.AwaitsReviewFrom"/>).
    /// </summary>
    public static IQueryable<ClearanceGate> AwaitingReviewFrom(ElearningRolloutDbContext db, string reviewerId) => Whole(db).AsNoTracking()
        .Where(g => GateStateRules.AwaitingDecision.Contains(g.State) && g.Reviews.Any(r => r.ReviewerId == reviewerId && r.Decision == null));
}
