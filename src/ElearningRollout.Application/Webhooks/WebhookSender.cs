using System.Net;
using System.Text;
using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// Delivers the outbox: claims due messages one by one with a lease (a conditional UPDATE, so of several instances
/// exactly one gets each), posts them signed, and writes the answer to the delivery log. A failure waits twice as long
/// as the one before (from <see cref="IntegrationOptions.WebhookFirstRetrySeconds"/>) until the retry window closes;
/// then the message is given up and its endpoint disabled, as it is at once on 410 Gone. Redirects are not followed
/// and only a short excerpt of an answer is kept: the URL is the administrator's, the answer is the receiver's.
/// </summary>
public sealed class WebhookSender(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    IHttpClientFactory httpClients,
    IDataProtectionProvider protection,
    IOptionsMonitor<IntegrationOptions> options,
    TimeProvider clock,
    ILogger<WebhookSender> logger)
{
    /// <summary>The named HttpClient: no redirects, no cookies (configured where the application registers it).</summary>
    public const string HttpClientName = "ElearningRollout.Webhooks";

    private const int BatchSize = 20;

    /// <summary>Sends every message due now; returns how many attempts it made.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var attempts = 0;
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            List<long> due;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await db.Set<WebhookMessage>().AsNoTracking()
                    .Where(m => m.Status == WebhookMessageStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                    .OrderBy(m => m.Id).Select(m => m.Id).Take(BatchSize).ToListAsync(cancellationToken);
            }

            var claimedAny = false;
            foreach (var id in due)
            {
                if (await TryClaimAsync(id, cancellationToken) is { } claim)
                {
                    claimedAny = true;
                    attempts++;
                    await AttemptAsync(id, claim, cancellationToken);
                }
            }

            if (due.Count < BatchSize || !claimedAny)
            {
                return attempts;
            }
        }
    }

    /// <summary>One conditional UPDATE: only the instance whose UPDATE changed the row holds it, until the lease ends.</summary>
    internal async Task<Guid?> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + options.CurrentValue.ClaimLease;
        var claim = Guid.NewGuid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Set<WebhookMessage>()
            .Where(m => m.Id == id && m.Status == WebhookMessageStatus.Pending && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimToken, claim), cancellationToken);
        return claimed == 1 ? claim : null;
    }

    private async Task AttemptAsync(long id, Guid claim, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var message = await db.Set<WebhookMessage>().SingleOrDefaultAsync(m => m.Id == id && m.ClaimToken == claim, cancellationToken);
        if (message is null)
        {
            return;
        }

        var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == message.EndpointId, cancellationToken);
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        message.LastAttemptAt = now;
        if (endpoint is null || !endpoint.IsEnabled)
        {
            // Not an attempt: nothing was sent. "Send again" after the endpoint is enabled puts it back in the queue.
            Release(message, WebhookMessageStatus.Failed, null, endpoint is null ? "The endpoint was removed." : $"Not sent: the endpoint is disabled ({endpoint.DisabledReason}).");
            await SaveAsync(db, cancellationToken);
            return;
        }

        var outcome = await PostAsync(endpoint, message, settings, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            // Retried like any failure (DNS may answer differently later), and audited each time it is refused.
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserName = AuditActor.System.DisplayName,
                EntityType = nameof(WebhookEndpoint),
                EntityId = endpoint.Id.ToString(),
                Action = WebhookAddressGuard.RefusedAction,
                After = JsonSerializer.Serialize(new { endpoint.Name, refused.Host, refused.Reason, message.MessageId }),
            });
        }

        message.Attempts++;
        if (outcome.Code is >= 200 and < 300)
        {
            message.DeliveredAt = now;
            endpoint.ConsecutiveFailures = 0;
            Release(message, WebhookMessageStatus.Delivered, outcome.Code, outcome.Excerpt);
        }
        else if (outcome.Code == (int)HttpStatusCode.Gone)
        {
            endpoint.ConsecutiveFailures++;
            Release(message, WebhookMessageStatus.Failed, outcome.Code, outcome.Excerpt);
            Disable(db, endpoint, "The receiver answered 410 Gone: it no longer wants these events.", now);
        }
        else
        {
            endpoint.ConsecutiveFailures++;
            var delay = RetryDelay(message.Attempts, settings);
            var next = now.UtcDateTime + delay;
            if (next > message.RetryUntil)
            {
                Release(message, WebhookMessageStatus.Failed, outcome.Code, outcome.Excerpt);
                Disable(db, endpoint, $"Every attempt failed for {settings.WebhookRetryHours} hours.", now);
            }
            else
            {
                message.NextAttemptAt = next;
                Release(message, WebhookMessageStatus.Pending, outcome.Code, outcome.Excerpt);
            }
        }

        await SaveAsync(db, cancellationToken);
    }

    /// <summary>The wait after the n-th failed attempt: the first delay, doubled for each failure after it, capped.</summary>
    public static TimeSpan RetryDelay(int failedAttempts, IntegrationOptions settings)
    {
        var first = TimeSpan.FromSeconds(Math.Max(1, settings.WebhookFirstRetrySeconds));
        var cap = TimeSpan.FromMinutes(Math.Max(1, settings.WebhookMaxRetryDelayMinutes));
        var factor = Math.Pow(2, Math.Min(Math.Max(failedAttempts - 1, 0), 30));
        return TimeSpan.FromSeconds(Math.Min(first.TotalSeconds * factor, cap.TotalSeconds));
    }

    private sealed record Outcome(int? Code, string? Excerpt, WebhookAddressRefusedException? Refused = null);

    private async Task<Outcome> PostAsync(WebhookEndpoint endpoint, WebhookMessage message, IntegrationOptions settings, CancellationToken cancellationToken)
    {
        string url;
        try
        {
            url = AddressOf(endpoint, protection) ?? endpoint.Url;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new(null, "The address can no longer be read (the key ring changed); enter it again with Edit.");
        }

        if (WebhookUrl.Problem(url, settings.AllowHttpWebhooks) is { } problem)
        {
            return new(null, problem);
        }

        string secret;
        try
        {
            secret = Protector(protection).Unprotect(endpoint.ProtectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return new(null, "The signing secret can no longer be read (the key ring changed); create the endpoint again.");
        }

        var body = endpoint.Flavour == WebhookFlavour.Teams ? TeamsCard.From(message.Payload) : message.Payload;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", message.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, message.MessageId, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return new((int)response.StatusCode, await ExcerptAsync(response, timeout.Token));
        }
        catch (Exception failure) when (RefusalIn(failure) is { } refused)
        {
            // The address guard in the connection (WebhookAddressGuard.ConnectAsync): nothing was sent.
            logger.LogWarning("Webhook {MessageId} to endpoint {Endpoint} was not sent: its address is refused", message.MessageId, endpoint.Name);
            return new(null, Shorten(refused.Message), refused);
        }
        catch (Exception failure) when (failure is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The URL is the administrator's, not a secret, but a message may quote it; the log gets the endpoint's name.
            logger.LogWarning("Webhook {MessageId} to endpoint {Endpoint} failed: {Failure}", message.MessageId, endpoint.Name, failure.GetType().Name);
            return new(null, failure is OperationCanceledException ? $"No answer within {settings.Timeout.TotalSeconds:0} seconds." : Shorten(failure.Message));
        }
    }

    /// <summary>The address guard's refusal, however SocketsHttpHandler wrapped the ConnectCallback's exception.</summary>
    private static WebhookAddressRefusedException? RefusalIn(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is WebhookAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>At most the first few hundred characters of the answer: enough to see what went wrong, never the whole body.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[WebhookMessage.MaxExcerptLength * 2];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
            {
                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return text.Length == 0 ? null : Shorten(text);
        }
        catch (Exception failure) when (failure is HttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= WebhookMessage.MaxExcerptLength ? text : text[..WebhookMessage.MaxExcerptLength];

    private static void Release(WebhookMessage message, WebhookMessageStatus status, int? code, string? excerpt)
    {
        message.Status = status;
        message.LastResponseCode = code;
        message.LastResponseExcerpt = excerpt is null ? null : Shorten(excerpt);
        message.ClaimedUntil = null;
        message.ClaimToken = null;
    }

    private static void Disable(ElearningRolloutDbContext db, WebhookEndpoint endpoint, string reason, DateTimeOffset now)
    {
        endpoint.DisabledAt = now;
        endpoint.DisabledReason = reason;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserName = AuditActor.System.DisplayName,
            EntityType = nameof(WebhookEndpoint),
            EntityId = endpoint.Id.ToString(),
            Action = "WebhookEndpointDisabled",
            After = JsonSerializer.Serialize(new { endpoint.Name, Reason = reason }),
        });
    }

    private async Task SaveAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another instance holds the message now: its answer is the one that counts.
            logger.LogWarning("A webhook message's claim lapsed before its result was written; another instance holds it");
        }
    }

    internal static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("ElearningRollout.Webhooks.EndpointSecret.v1");

    internal static IDataProtector AddressProtector(IDataProtectionProvider provider) => provider.CreateProtector("ElearningRollout.Webhooks.EndpointUrl.v1");

    /// <summary>The whole address of an endpoint whose address is protected (Teams); null when <see cref="WebhookEndpoint.Url"/> is the whole address.</summary>
    internal static string? AddressOf(WebhookEndpoint endpoint, IDataProtectionProvider provider)
        => endpoint.ProtectedUrl is null ? null : AddressProtector(provider).Unprotect(endpoint.ProtectedUrl);

    /// <summary>
    /// Protects the addresses of Teams endpoints saved before addresses that are credentials were protected: the whole
    /// address goes into <see cref="WebhookEndpoint.ProtectedUrl"/>, only its masked form stays in the clear. Runs at
    /// every start (WebhookBackgroundService) and finds nothing to do once done. Returns how many it protected.
    /// </summary>
    public async Task<int> ProtectSecretAddressesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var exposed = await db.Set<WebhookEndpoint>().Where(e => e.Flavour == WebhookFlavour.Teams && e.ProtectedUrl == null).ToListAsync(cancellationToken);
        foreach (var endpoint in exposed)
        {
            endpoint.ProtectedUrl = AddressProtector(protection).Protect(endpoint.Url);
            endpoint.Url = WebhookUrl.Masked(endpoint.Url);
        }

        await db.SaveChangesAsync(cancellationToken);
        return exposed.Count;
    }
}
