using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// Administrators add webhook endpoints (the signing secret is returned once and kept protected), disable and enable
/// them, and send a message again. Each is written to the audit trail under the administrator's name.
/// </summary>
public sealed class WebhookCommands(EditPipeline edits, IDataProtectionProvider protection, IOptionsMonitor<IntegrationOptions> options) : IUseCases
{
    internal const string NotAnAdministrator = "Only administrators manage webhooks.";

    internal static readonly EditAccess<EditContext> Administering = new(e =>
    {
        if (!e.Actor.IsAdministrator)
        {
            throw new AccessRefusedException(NotAnAdministrator);
        }
    });

    public Task<NewWebhookEndpointView> CreateAsync(WebhookEndpointDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var secret = WebhookSignature.NewSecret();
            var endpoint = new WebhookEndpoint
            {
                Id = Guid.NewGuid(),
                Name = draft.Name.Trim(),
                Url = draft.Url.Trim(),
                Flavour = draft.Flavour,
                Events = string.Join(' ', WebhookEvents.All.Where(draft.Events.Contains)),
                ProtectedSecret = WebhookSender.Protector(protection).Protect(secret),
                CreatedAt = e.Now,
                CreatedBy = e.Actor.DisplayName,
            };
            e.Db.Set<WebhookEndpoint>().Add(endpoint);
            Record(e, endpoint, "WebhookEndpointCreated", new { endpoint.Name, endpoint.Url, Flavour = endpoint.Flavour.ToString(), endpoint.Events });
            return new NewWebhookEndpointView(endpoint.Id, endpoint.Name, secret);
        }, cancellationToken);

    public Task DisableAsync(Guid endpointId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var endpoint = await FindAsync(e, endpointId, ct);
            if (!endpoint.IsEnabled)
            {
                throw new DomainException("This endpoint is already disabled.");
            }

            endpoint.DisabledAt = e.Now;
            endpoint.DisabledReason = $"Disabled by {e.Actor.DisplayName}.";
            Record(e, endpoint, "WebhookEndpointDisabled", new { endpoint.Name, Reason = endpoint.DisabledReason });
            return true;
        }, cancellationToken);

    /// <summary>Receives events again from now on; messages given up while it was disabled stay so until sent again.</summary>
    public Task EnableAsync(Guid endpointId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var endpoint = await FindAsync(e, endpointId, ct);
            if (endpoint.IsEnabled)
            {
                throw new DomainException("This endpoint is already enabled.");
            }

            if (WebhookUrl.Problem(endpoint.Url, options.CurrentValue.AllowHttpWebhooks) is { } problem)
            {
                throw new DomainException($"This endpoint's address is no longer accepted: {problem}");
            }

            endpoint.DisabledAt = null;
            endpoint.DisabledReason = null;
            endpoint.ConsecutiveFailures = 0;
            Record(e, endpoint, "WebhookEndpointEnabled", new { endpoint.Name });
            return true;
        }, cancellationToken);

    /// <summary>
    /// Puts a message back in the queue with a fresh retry window (same <c>webhook-id</c>, so a receiver that already has
    /// it can tell). Refused while the endpoint is disabled or while an instance is sending it.
    /// </summary>
    public Task SendAgainAsync(long messageId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var message = await e.Db.Set<WebhookMessage>().SingleOrDefaultAsync(m => m.Id == messageId, ct)
                ?? throw new NotFoundException("That delivery no longer exists.");
            var endpoint = await FindAsync(e, message.EndpointId, ct);
            if (!endpoint.IsEnabled)
            {
                throw new DomainException("Enable the endpoint first: a disabled endpoint receives nothing.");
            }

            var now = e.Now.UtcDateTime;
            if (message.ClaimedUntil is { } until && until >= now)
            {
                throw new DomainException("This message is being sent right now; wait for the result.");
            }

            message.Status = WebhookMessageStatus.Pending;
            message.NextAttemptAt = now;
            message.RetryUntil = now.AddHours(options.CurrentValue.WebhookRetryHours);
            Record(e, endpoint, "WebhookMessageSentAgain", new { endpoint.Name, message.MessageId, message.EventType });
            return true;
        }, cancellationToken);

    private static async Task<WebhookEndpoint> FindAsync(EditContext e, Guid endpointId, CancellationToken ct)
        => await e.Db.Set<WebhookEndpoint>().SingleOrDefaultAsync(x => x.Id == endpointId, ct)
            ?? throw new NotFoundException("That webhook endpoint no longer exists.");

    private static void Record(EditContext e, WebhookEndpoint endpoint, string action, object after)
        => e.Db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = nameof(WebhookEndpoint),
            EntityId = endpoint.Id.ToString(),
            Action = action,
            After = JsonSerializer.Serialize(after),
        });
}
