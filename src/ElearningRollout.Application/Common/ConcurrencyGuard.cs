using System.Linq.Expressions;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Common;

/// <summary>
/// Optimistic concurrency for every aggregate two people can edit. The person's command carries the
/// version they saw; if someone saved since, nothing is written and they are told who and when.
/// </summary>
/// <param name="What">How the person calls the thing, e.g. "rollout".</param>
/// <param name="ChangesOfIt">Which audit entries are changes of this aggregate (to name the last person).</param>
internal sealed record ConcurrencyGuard(string What, Expression<Func<AuditEntry, bool>> ChangesOfIt)
{
    public static ConcurrencyGuard ForRollout(Guid rolloutId) => new("rollout", a => a.RolloutId == rolloutId);

    public static ConcurrencyGuard ForEntity(string what, Guid id)
    {
        var key = id.ToString();
        return new ConcurrencyGuard(what, a => a.EntityId == key);
    }

    /// <summary>
    /// An aggregate whose children are audited on their own (a checklist item ticked changes only the item's row and
    /// the gate's version): the last change of the root or of any of these children names who saved first.
    /// </summary>
    public static ConcurrencyGuard ForAggregate(string what, Guid rootId, IEnumerable<Guid> childIds)
    {
        var keys = childIds.Prepend(rootId).Select(id => id.ToString()).ToList();
        return new ConcurrencyGuard(what, a => keys.Contains(a.EntityId));
    }

    /// <summary>Compares now, and makes the UPDATE itself check again (a save between load and write also conflicts).</summary>
    public async Task EnsureVersionAsync(ElearningRolloutDbContext db, object entity, Guid currentVersion, Guid expectedVersion, CancellationToken cancellationToken)
    {
        if (currentVersion != expectedVersion)
        {
            throw await ConflictAsync(db, cancellationToken);
        }

        db.Entry(entity).Property("Version").OriginalValue = expectedVersion;
    }

    /// <summary>Saves; a concurrent save of the same aggregate becomes a conflict with a plain message.</summary>
    public async Task SaveAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(db, cancellationToken);
        }
    }

    /// <summary>Who saved this aggregate last and when, from the audit trail; null when the trail has no change of it.</summary>
    public Task<LastChange?> LastChangeAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
        => db.AuditEntries.AsNoTracking().Where(ChangesOfIt)
            .OrderByDescending(a => a.Id)
            .Select(a => new LastChange(a.UserName, a.At))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The conflict to throw: who saved this aggregate last and when, and that nothing of this person's was saved.</summary>
    public async Task<ConcurrencyConflictException> ConflictAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
    {
        var last = await LastChangeAsync(db, cancellationToken);
        var who = last is null ? "Someone else" : last.By;
        var when = last is null ? "" : $" at {last.At:yyyy-MM-dd HH:mm} UTC";
        return new ConcurrencyConflictException(
            $"{who} changed this {What}{when} while you were working on it. Nothing of yours was saved, and what you typed is still here: reload to see their change, then apply yours again.");
    }
}

/// <summary>The last saved change of something: who saved it (their name as audited) and when (UTC).</summary>
public sealed record LastChange(string By, DateTimeOffset At);
