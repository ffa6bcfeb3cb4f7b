using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Notifications;

/// <summary>The signed-in person's notifications, read: the bell's count and the /notifications list.</summary>
public sealed class NotificationQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        if (await currentActor.GetAsync(cancellationToken) is not { } actor)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, cancellationToken);
    }

    public async Task<Page<NotificationRow>> ListAsync(bool unreadOnly, PageRequest page, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId && (!unreadOnly || n.ReadAt == null));
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderByDescending(n => n.Id).Skip(page.Skip).Take(page.SafeSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new Page<NotificationRow>(rows, total);
    }
}
