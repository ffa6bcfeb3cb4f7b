using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>The signed-in person's own tokens for the profile page: newest first, with their state now.</summary>
public sealed class ApiTokenQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock) : IUseCases
{
    public async Task<IReadOnlyList<ApiTokenRow>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // A handful of tokens: ordered here, since SQLite cannot order DateTimeOffset columns.
        return tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Scope, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.StateAt(now)))
            .ToList();
    }
}
