using ElearningRollout.Application.Persistence;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Sends the notifications not yet e-mailed, when SMTP is configured. Runs apart from the decisions that caused
/// them: a failing mail server never blocks or undoes a decision; the notice stays unsent and is tried again.
/// </summary>
public sealed class NotificationMailer(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, IOptions<EmailOptions> options, TimeProvider clock, ILogger<NotificationMailer> logger,
    Gates.ReviewLinks.ReviewLinkIssuer? reviewLinks = null)
{
    private const int BatchSize = 50;

    /// <summary>Returns how many were sent.</summary>
    public Task<int> SendPendingAsync(CancellationToken cancellationToken) => SendPendingAsync(DateTimeOffset.MaxValue, cancellationToken);

    /// <summary>
    /// Sends until done or until <paramref name="stopBy"/> (the end of this instance's lease on the work, so that no
    /// other instance can be sending the same notices): returns how many were sent. Each notice is marked sent as soon
    /// as it went out, so an instance killed half-way leaves only the unsent ones for the next.
    /// </summary>
    public async Task<int> SendPendingAsync(DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.Notifications.Where(n => n.EmailedAt == null).OrderBy(n => n.Id).Take(BatchSize)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { Notification = n, u.Email, u.DisplayName })
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        try
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(settings.Host!, settings.Port, SocketOptions(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }

            foreach (var item in pending.Where(p => !string.IsNullOrEmpty(p.Email)))
            {
                if (clock.GetUtcNow() >= stopBy)
                {
                    break; // the lease is running out: the rest waits for the next pass, whoever holds it then
                }

                // A review request carries a single-use link to decide from the mail (after signing in); the link is
                // stored only once the mail carrying it is sent.
                var reviewLink = reviewLinks?.IssueFor(item.Notification, clock.GetUtcNow());
                var decideUrl = reviewLink is null ? null : settings.BaseUrl.TrimEnd('/') + Gates.ReviewLinks.ReviewLinkIssuer.Path + "?t=" + reviewLinks!.Token(reviewLink);
                await smtp.SendAsync(Compose(settings, item.Notification, item.Email!, item.DisplayName, decideUrl, reviewLink?.ExpiresAt), cancellationToken);
                if (reviewLink is not null)
                {
                    db.ReviewLinks.Add(reviewLink);
                }

                item.Notification.EmailedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(CancellationToken.None);
                sent++;
            }

            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (NotSupportedException noTls) when (settings.UseTls)
        {
            // MailKit refuses StartTls when the relay does not advertise STARTTLS, before any AUTH: the password never
            // goes out in clear. Not a passing fault but a configuration one, so an error; the mails stay pending.
            logger.LogError(noTls, "The SMTP relay {Host}:{Port} does not offer TLS (STARTTLS) and Email:UseTls is true; "
                + "no credentials were sent and {Pending} e-mails stay pending", settings.Host, settings.Port, pending.Count);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            Common.ProductMetrics.EmailFailures.Add(1);
            // Logged without addresses or content (personal data); the unsent ones are tried on the next pass.
            logger.LogWarning(failure, "Sending notification e-mails failed after {Sent} of {Pending}; will retry", sent, pending.Count);
        }

        foreach (var item in pending.Where(p => string.IsNullOrEmpty(p.Email)))
        {
            item.Notification.EmailedAt = clock.GetUtcNow(); // nowhere to send it: don't try forever
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return sent;
    }

    /// <summary>
    /// TLS on means TLS required: implicit TLS on port 465, otherwise STARTTLS, which must be offered
    /// (never StartTlsWhenAvailable, which would send AUTH in clear to a relay, or an attacker, that leaves it out).
    /// </summary>
    public static SecureSocketOptions SocketOptions(EmailOptions settings) => settings switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    /// <param name="decideUrl">For a review request: the single-use link that opens the decision page after sign-in.</param>
    public static MimeMessage Compose(EmailOptions settings, Notification notification, string email, string displayName,
        string? decideUrl = null, DateTimeOffset? decideUntil = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(displayName, email));
        message.Subject = $"[ElearningRollout] {notification.Title}";
        var link = settings.BaseUrl.TrimEnd('/') + notification.Link;
        message.Body = new TextPart("plain")
        {
            Text = $"Hello {displayName},\n\n{notification.Title}\n\nOpen it in ElearningRollout: {link}\n\n"
                + (decideUrl is null ? "" : $"Decide from here, on your phone or computer: {decideUrl}\n"
                    + $"This link is for you only: it asks you to sign in, opens the decision page once, and works until "
                    + $"{decideUntil?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC. Afterwards, use the link above.\n\n")
                + "You receive this because you take part in this rollout. Your notifications are also in the app under Notifications.\n",
        };
        return message;
    }
}
