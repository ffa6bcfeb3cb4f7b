using System.Security.Cryptography;
using System.Text;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.CalendarFeeds;

/// <summary>
/// The secret in one person's calendar feed address. A calendar program cannot sign in, so the address is the
/// credential: 256 random bits, shown once, only its SHA-256 kept (as for SCIM tokens), revocable. A person has at
/// most one feed in use; a new one revokes the old.
/// </summary>
[NotAudited("Creating and revoking a feed are written to the audit trail explicitly (CalendarFeedCommands); the hash has no place in it.")]
public sealed class CalendarFeedToken
{
    public const string SecretPrefix = "elr_cal_";

    public Guid Id { get; init; }

    public string UserId { get; init; } = "";

    /// <summary>Hex SHA-256 of the secret (64 characters).</summary>
    public string SecretHash { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastReadAt { get; set; }

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Where calendar programs subscribe (relative to the app's public address).</summary>
    public static string PathOf(string secret) => $"/calendar/{secret}.ics";
}
