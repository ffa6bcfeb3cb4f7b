using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>The SCIM tokens for /admin/scim (administrators only): newest first, with their state now.</summary>
public sealed class ScimTokenQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals, TimeProvider clock) : IUseCases
{
    public async Task<IReadOnlyList<ScimTokenRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, ScimTokenCommands.NotAnAdministrator, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ScimTokens.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();

        // A handful of tokens: ordered here, since SQLite cannot order DateTimeOffset columns.
        return tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new ScimTokenRow(t.Id, t.Name, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, t.RevokedBy, t.StateAt(now)))
            .ToList();
    }
}
