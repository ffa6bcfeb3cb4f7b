using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>
/// Checks the credentials of a REST API request. A personal access token must be known (by the hash of what was
/// presented), not revoked, not expired, and its account enabled and not locked out; an OAuth client must be one the
/// settings map to an account in the same standing. A refusal is written to the audit trail with the reason and the
/// client address (never the secret); an accepted token has its last-used time brought up to date, at most once a minute.
/// </summary>
public sealed class ApiTokenAuthentication(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock) : IFeatureService
{
    public const string EntityType = "ApiToken";
    public const string CreatedAction = "ApiTokenCreated";
    public const string RevokedAction = "ApiTokenRevoked";
    public const string RefusedAction = "ApiTokenRefused";

    public async Task<ApiCaller?> AuthenticateAsync(string presentedSecret, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = BearerSecret.HashOf(presentedSecret);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var account = token is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == token.UserId).Select(u => new { u.DisplayName, u.IsDisabled, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        var refusal = token is null ? "unknown token" : token.StateAt(now) switch
        {
            ApiTokenState.Revoked => "revoked token",
            ApiTokenState.Expired => "expired token",
            _ => AccountRefusal(account?.IsDisabled, account?.LockoutEnd, now),
        };
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            await RecordRefusalAsync(db, now, token?.UserId, account?.DisplayName ?? "(unknown API token)", token?.Id.ToString() ?? "unknown", refusal, clientAddress);
            return null;
        }

        if (token!.LastUsedAt is not { } lastUsed || now - lastUsed >= ApiToken.LastUsedPrecision)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiCaller(token.UserId, token.Scope, token.ActsAsAdministrator, token.Id, $"API token {token.Name}");
    }

    /// <summary>
    /// An OAuth client whose access token the host validated (issuer, audience, signature, lifetime): the account the
    /// settings map its client id to, if that account is in good standing; a client the settings do not know is refused.
    /// </summary>
    public async Task<ApiCaller?> AuthenticateClientAsync(
        string clientId, string? accountUserName, ApiTokenScope scope, string? clientAddress, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = accountUserName?.Trim().ToUpperInvariant();
        var account = normalized is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.NormalizedUserName == normalized).Select(u => new { u.Id, u.DisplayName, u.IsDisabled, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        var refusal = accountUserName is null ? "client not mapped to an account (Authentication:Api:Clients)"
            : account is null ? "the client's account does not exist"
            : AccountRefusal(account.IsDisabled, account.LockoutEnd, now);
        if (refusal is not null)
        {
            await RecordRefusalAsync(db, now, account?.Id, account?.DisplayName ?? $"(OAuth client {clientId})", $"oauth:{clientId}", refusal, clientAddress);
            return null;
        }

        // An OAuth client never holds the Administrator role: the provider's client secret is not the second factor it needs.
        return new ApiCaller(account!.Id, scope, mayActAsAdministrator: false, tokenId: null, $"OAuth client {clientId}");
    }

    /// <summary>
    /// An OAuth access token the host refused before any client was trusted (wrong audience or issuer, expired, a
    /// signature that does not verify, not a token at all): audited with the reason and the client id the token claims,
    /// which is only a claim, since nothing in it could be verified.
    /// </summary>
    public async Task RecordRefusedAccessTokenAsync(string? claimedClientId, string reason, string? clientAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var client = string.IsNullOrWhiteSpace(claimedClientId) ? "unknown" : claimedClientId.Trim()[..Math.Min(claimedClientId.Trim().Length, 100)];
        await RecordRefusalAsync(db, clock.GetUtcNow(), null, $"(OAuth client {client})", $"oauth:{client}", reason, clientAddress);
    }

    /// <summary>Accepted credentials asked for more than they allow (a read-only token's write): audited, then refused by the caller.</summary>
    public async Task RecordRefusedUseAsync(ApiCaller caller, string reason, string? clientAddress, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        await RecordRefusalAsync(db, clock.GetUtcNow(), caller.UserId, name ?? caller.CredentialName,
            caller.TokenId?.ToString() ?? caller.CredentialName, reason, clientAddress);
    }

    private static string? AccountRefusal(bool? isDisabled, DateTimeOffset? lockoutEnd, DateTimeOffset now)
        => isDisabled is null ? "account no longer exists"
            : isDisabled.Value ? "account disabled"
            : lockoutEnd is { } end && end > now ? "account locked out"
            : null;

    private static async Task RecordRefusalAsync(
        ElearningRolloutDbContext db, DateTimeOffset now, string? userId, string userName, string entityId, string reason, string? clientAddress)
    {
        db.AuditEntries.Add(Audit.CredentialRefusal.Entry(now, userId, userName, EntityType, entityId, RefusedAction, reason, clientAddress));
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
