using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// A bearer token an identity provider (Microsoft Entra's provisioning service) presents to /scim/v2. Only the SHA-256
/// of the secret is kept: the secret is 256 random bits, so a plain hash is as hard to reverse as guessing the secret,
/// and a database copy gives nobody a usable token. The secret is shown once, when an administrator creates it.
/// </summary>
[NotAudited("Creation, revocation and refused uses are written to the audit trail explicitly (ScimTokenCommands, ScimTokenAuthentication); the last-used time is not a change of record, and the hash has no place in the trail.")]
public sealed class ScimToken
{
    public const int MaxNameLength = 80;

    /// <summary>Every secret starts with this, so a leaked one is recognisable (secret scanners, log reviews).</summary>
    public const string SecretPrefix = "elr_scim_";

    /// <summary>The last-used time is written at most this often, so provisioning does not cost a write per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public Guid Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>Hex SHA-256 of the secret (64 characters).</summary>
    public string SecretHash { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    /// <summary>After this moment the token is refused; null means it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public ScimTokenState StateAt(DateTimeOffset now)
        => RevokedAt is not null ? ScimTokenState.Revoked
            : ExpiresAt is { } expires && expires <= now ? ScimTokenState.Expired
            : ScimTokenState.Active;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("This token is already revoked.");
        }

        RevokedAt = at;
        RevokedBy = by;
    }

    /// <summary>A new secret: the prefix and 32 random bytes (<see cref="BearerSecret"/>).</summary>
    public static string NewSecret() => BearerSecret.New(SecretPrefix);

    public static string HashOf(string secret) => BearerSecret.HashOf(secret);
}

public enum ScimTokenState
{
    Active,
    Expired,
    Revoked,
}
