using ElearningRollout.Application.Notifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Gates.ReviewLinks;

/// <summary>
/// Issues and reads the signed tokens of review links. The token is the link's id protected with a purpose of its own
/// (authenticated encryption: a changed or made-up token does not unprotect); expiry and single use are the row's.
/// </summary>
public sealed class ReviewLinkIssuer(IDataProtectionProvider protection, IOptions<ReviewLinkOptions> options)
{
    /// <summary>The link's address; the token follows as <c>?t=</c> (query strings stay out of the request log).</summary>
    public const string Path = "/reviews/link";

    private readonly IDataProtector _protector = protection.CreateProtector("ElearningRollout.ReviewLinks.v1");

    /// <summary>
    /// A link for the review request <paramref name="notification"/>; null for any other notification. The caller adds
    /// it to its context once the e-mail carrying it is sent, so no link exists for a mail that never went out.
    /// </summary>
    public ReviewLink? IssueFor(Notification notification, DateTimeOffset now)
    {
        if (notification.Kind != NotificationKind.GateSubmittedToMe || !TryGateId(notification.Link, out var gateId))
        {
            return null;
        }

        var link = new ReviewLink
        {
            GateId = gateId,
            RecipientId = notification.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddHours(Math.Max(1, options.Value.ValidHours)),
        };
        return link;
    }

    public string Token(ReviewLink link) => _protector.Protect(link.Id.ToString("N"));

    /// <summary>The link id a token carries; null for a token that was not issued here (forged, cut short, from another installation).</summary>
    public Guid? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool TryGateId(string link, out Guid gateId)
    {
        gateId = default;
        return link.StartsWith("/gates/", StringComparison.Ordinal) && Guid.TryParse(link["/gates/".Length..], out gateId);
    }
}
