using System.Text.Json;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// Every access refusal of a signed-in person goes through here: it appends an audit entry (who, when, why)
/// and gives back the <see cref="AccessRefusedException"/> to throw. The entry is saved through its own
/// DbContext, so nothing of the refused operation (whose context is simply abandoned) is ever saved with it.
/// </summary>
public sealed class RefusalAudit(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock, ILogger<RefusalAudit> logger)
{
    public const string EntityType = "Access";
    public const string Action = "Refused";

    /// <summary>Records the refusal and returns the exception for the caller to throw.</summary>
    public async Task<AccessRefusedException> RefuseAsync(Actor actor, string message, CancellationToken cancellationToken)
    {
        await RecordAsync(actor, message, cancellationToken);
        return new AccessRefusedException(message);
    }

    /// <summary>Runs a permission check (one of the *Access.Ensure... rules); a refusal is recorded, then rethrown.</summary>
    public async Task EnsureAsync(Actor actor, Action check, CancellationToken cancellationToken)
    {
        try
        {
            check();
        }
        catch (AccessRefusedException refusal)
        {
            await RecordAsync(actor, refusal.Message, cancellationToken);
            throw;
        }
    }

    private async Task RecordAsync(Actor actor, string message, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                At = clock.GetUtcNow(),
                UserId = actor.UserId,
                UserName = actor.DisplayName,
                EntityType = EntityType,
                EntityId = actor.UserId,
                Action = Action,
                After = JsonSerializer.Serialize(new Dictionary<string, string> { ["Reason"] = message }),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The person must still be told no even if the trail cannot be written; the log keeps the miss.
            logger.LogError(e, "Could not record an access refusal for user {UserId}", actor.UserId);
        }
    }
}
