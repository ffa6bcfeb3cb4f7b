using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// Checks the bearer token of a SCIM request: known (by the hash of what was presented), not revoked, not expired.
/// A refused token is written to the audit trail with the reason and the client address (never the token); an
/// accepted one has its last-used time brought up to date, at most once a minute.
/// </summary>
public sealed class ScimTokenAuthentication(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IFeatureService
{
    public const string EntityType = "ScimToken";
    public const string RefusedAction = "ScimTokenRefused";

    public async Task<ScimClient?> AuthenticateAsync(string presentedSecret, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = ScimToken.HashOf(presentedSecret);
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var refusal = token is null ? "unknown token" : token.StateAt(now) switch
        {
            ScimTokenState.Revoked => "revoked token",
            ScimTokenState.Expired => "expired token",
            _ => null,
        };
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(Audit.CredentialRefusal.Entry(
                now, null, token is null ? "(unknown SCIM token)" : ScimClient.AuditNameOf(token.Name), EntityType, token?.Id.ToString() ?? "unknown",
                RefusedAction, refusal, clientAddress));
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }

        if (token!.LastUsedAt is not { } lastUsed || now - lastUsed >= ScimToken.LastUsedPrecision)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ScimClient(token.Id, token.Name);
    }
}
