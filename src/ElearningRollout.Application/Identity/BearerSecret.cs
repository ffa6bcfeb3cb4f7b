using System.Security.Cryptography;
using System.Text;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// The secrets of the product's bearer tokens (SCIM tokens, API access tokens): a recognisable prefix and 256 random
/// bits, of which only the SHA-256 is stored. The secret is random, so a plain hash is as hard to reverse as guessing
/// the secret, and a database copy gives nobody a usable token.
/// </summary>
public static class BearerSecret
{
    /// <summary>Longer than any secret the product issues: a longer one is refused before it is hashed.</summary>
    public const int MaxLength = 200;

    /// <summary>Hex SHA-256: the stored form, 64 characters.</summary>
    public const int HashLength = 64;

    /// <summary>A new secret: the prefix and 32 random bytes, base64url.</summary>
    public static string New(string prefix) => prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
