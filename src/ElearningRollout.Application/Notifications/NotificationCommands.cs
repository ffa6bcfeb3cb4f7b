using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Notifications;

/// <summary>The signed-in person marks their notifications read; every open tab of theirs recounts its bell.</summary>
public sealed class NotificationCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, NotificationSignals signals) : IUseCases
{
    public async Task MarkReadAsync(long id, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Only one's own: an id of someone else's notification simply matches nothing.
        await db.Notifications.Where(n => n.Id == id && n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);

        // Every open tab of this person recounts its bell.
        signals.Raise([actor.UserId]);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        signals.Raise([actor.UserId]);
    }
}
