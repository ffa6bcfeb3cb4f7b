using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CalendarFeeds;

/// <summary>Whether the signed-in person has a calendar feed in use, for their profile page.</summary>
public sealed class CalendarFeedQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<CalendarFeedView> GetMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<CalendarFeedToken>().AsNoTracking()
            .Where(t => t.UserId == actor.UserId && t.RevokedAt == null)
            .Select(t => new { t.CreatedAt, t.LastReadAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new CalendarFeedView(token is not null, token?.CreatedAt, token?.LastReadAt);
    }
}
