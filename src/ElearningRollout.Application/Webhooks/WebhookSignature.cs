using System.Security.Cryptography;
using System.Text;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// The Standard Webhooks signature (https://www.standardwebhooks.com): HMAC-SHA256, keyed with the base64 part of the
/// <c>whsec_</c> secret, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, sent as <c>v1,{base64}</c>.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var hash = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(hash);
    }

    /// <summary>
    /// What a receiver does (and the tests do): the header holds one or more space-separated signatures; one must match,
    /// compared in constant time, and the timestamp must be within <paramref name="tolerance"/> of now (replays refused).
    /// </summary>
    public static bool Verify(string secret, string messageId, string timestampHeader, string signatureHeader, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, out var timestamp) || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, messageId, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
