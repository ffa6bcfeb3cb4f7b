using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Cluster;

/// <summary>
/// Claims background work through the database, so that several instances do it once: the claim is one conditional
/// UPDATE (free, expired, or already mine), which SQLite and SQL Server both apply atomically; the first claim of a
/// name inserts its row, and a racing insert loses on the primary key. A killed holder's lease simply runs out and
/// the next instance's claim succeeds.
/// </summary>
public sealed class WorkLeases(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock, WorkerIdentity worker)
{
    /// <summary>The lease until its expiry, or null when another instance holds it.</summary>
    public async Task<HeldLease?> TryClaimAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var until = nowMs + (long)duration.TotalMilliseconds;
        var holder = worker.Name;
        var lease = new HeldLease(name, holder, DateTimeOffset.FromUnixTimeMilliseconds(until));

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.WorkLeases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUnixMs <= nowMs))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUnixMs, until), cancellationToken);
        if (claimed == 1)
        {
            return lease;
        }

        if (await db.WorkLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            return null; // held by another instance, and not expired
        }

        db.WorkLeases.Add(new WorkLease { Name = name, Holder = holder, ExpiresAtUnixMs = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return lease;
        }
        catch (DbUpdateException)
        {
            return null; // another instance inserted the first row at the same moment: theirs
        }
    }

    /// <summary>Gives a lease up (on a clean shutdown), so another instance need not wait for it to run out.</summary>
    public async Task ReleaseAsync(string name, CancellationToken cancellationToken)
    {
        var holder = worker.Name;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.WorkLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAtUnixMs, 0L), cancellationToken);
    }
}

/// <summary>A lease this instance holds until <see cref="Until"/>; work under it stops before then.</summary>
public sealed record HeldLease(string Name, string Holder, DateTimeOffset Until);
