using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Identity.ApiAccess;

/// <summary>What a token lets its holder do over the REST API: read only, or read and change.</summary>
public enum ApiTokenScope
{
    Read,
    ReadWrite,
}

public enum ApiTokenState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// A personal access token for the REST API (/api/v1): a person creates it on their profile page and a script presents
/// it as a bearer token; the script then acts as that person, under the same permission matrix as their screens. Only
/// the SHA-256 of the secret is kept (<see cref="BearerSecret"/>); the secret is shown once, when it is created.
/// </summary>
[NotAudited("Creation, revocation and refused uses are written to the audit trail explicitly (ApiTokenCommands, ApiTokenAuthentication); the last-used time is not a change of record, and the hash has no place in the trail.")]
public sealed class ApiToken
{
    public const int MaxNameLength = 80;

    /// <summary>Every secret starts with this, so a leaked one is recognisable (secret scanners, log reviews).</summary>
    public const string SecretPrefix = "elr_pat_";

    /// <summary>A token always expires, at the latest this many days after it is created: a forgotten script stops by itself.</summary>
    public const int MaxLifetimeDays = 366;

    /// <summary>The last-used time is written at most this often, so a busy script does not cost a write per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public Guid Id { get; init; }

    /// <summary>The account the token acts for.</summary>
    public string UserId { get; init; } = "";

    public string Name { get; init; } = "";

    public ApiTokenScope Scope { get; init; }

    /// <summary>Hex SHA-256 of the secret (64 characters).</summary>
    public string SecretHash { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>After this moment the token is refused.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>
    /// Whether the token may use the Administrator role: only when the session that created it held it (an
    /// administrator who had to and did sign in with two factors). A token never has more than its creator's session.
    /// </summary>
    public bool ActsAsAdministrator { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public ApiTokenState StateAt(DateTimeOffset now)
        => RevokedAt is not null ? ApiTokenState.Revoked
            : ExpiresAt <= now ? ApiTokenState.Expired
            : ApiTokenState.Active;

    public void Revoke(DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            throw new DomainException("This token is already revoked.");
        }

        RevokedAt = at;
    }
}
