using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// Administrators add webhook endpoints (the signing secret is returned once and kept protected), change, re-key,
/// disable, enable and delete them, and send a message again. Each is written to the audit trail under the
/// administrator's name, and so is every address refused by <see cref="WebhookAddressGuard"/>. A Teams endpoint's
/// address is a credential: it is stored protected and written everywhere (audit included) only masked.
/// </summary>
public sealed class WebhookCommands(
    EditPipeline edits,
    IDataProtectionProvider protection,
    IOptionsMonitor<IntegrationOptions> options,
    IDbContextFactory<ElearningRolloutDbContext> dbFactory) : IUseCases
{
    private const string What = "webhook endpoint";

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
            var url = draft.Url.Trim();
            await EnsureAddressAllowedAsync(e, url, draft.Name.Trim(), nameof(WebhookEndpointDraft.Url), ct);
            var secret = WebhookSignature.NewSecret();
            var endpoint = new WebhookEndpoint
            {
                Id = Guid.NewGuid(),
                Version = Guid.NewGuid(),
                Name = draft.Name.Trim(),
                Flavour = draft.Flavour,
                Events = string.Join(' ', WebhookEvents.All.Where(draft.Events.Contains)),
                ProtectedSecret = WebhookSender.Protector(protection).Protect(secret),
                CreatedAt = e.Now,
                CreatedBy = e.Actor.DisplayName,
            };
            SetAddress(endpoint, url);
            e.Db.Set<WebhookEndpoint>().Add(endpoint);
            Record(e, endpoint, "WebhookEndpointCreated", new { endpoint.Name, endpoint.Url, Flavour = endpoint.Flavour.ToString(), endpoint.Events });
            return new NewWebhookEndpointView(endpoint.Id, endpoint.Name, secret);
        }, cancellationToken);

    /// <summary>
    /// Changes the name, events and address. <paramref name="expectedVersion"/> is the version the administrator saw: if
    /// someone saved the endpoint since, nothing is written and they are told who and when. Messages already in the
    /// outbox go to the new address; events no longer chosen are not written from now on.
    /// </summary>
    public Task UpdateAsync(Guid endpointId, WebhookEndpointChange change, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var endpoint = await FindAsync(e, endpointId, ct);
            var guard = ConcurrencyGuard.ForEntity(What, endpoint.Id);
            await guard.EnsureVersionAsync(e.Db, endpoint, endpoint.Version, expectedVersion, ct);
            await e.EnsureValidAsync(change, ct);
            var newUrl = change.Url?.Trim() ?? "";
            if (newUrl.Length == 0 && !WebhookEndpoint.UrlIsSecret(endpoint.Flavour))
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    [nameof(WebhookEndpointChange.Url)] = ["Enter the receiver's full address, e.g. https://hooks.example.com/elearning."],
                });
            }

            var before = new { endpoint.Name, endpoint.Url, endpoint.Events };
            if (newUrl.Length > 0)
            {
                await EnsureAddressAllowedAsync(e, newUrl, endpoint.Name, nameof(WebhookEndpointChange.Url), ct);
                SetAddress(endpoint, newUrl);
            }

            endpoint.Name = change.Name.Trim();
            endpoint.Events = string.Join(' ', WebhookEvents.All.Where(change.Events.Contains));
            endpoint.Version = Guid.NewGuid();
            Record(e, endpoint, "WebhookEndpointChanged", new { endpoint.Name, endpoint.Url, endpoint.Events, AddressReplaced = newUrl.Length > 0 }, before);
            await guard.SaveAsync(e.Db, ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A new signing secret, returned this once. The old one stops signing at once: the next attempt of every message,
    /// pending ones included, is signed with the new secret only (see docs/integrations.md, "Re-keying").
    /// </summary>
    public Task<NewWebhookEndpointView> RekeyAsync(Guid endpointId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var endpoint = await FindAsync(e, endpointId, ct);
            var guard = ConcurrencyGuard.ForEntity(What, endpoint.Id);
            await guard.EnsureVersionAsync(e.Db, endpoint, endpoint.Version, expectedVersion, ct);
            var secret = WebhookSignature.NewSecret();
            endpoint.ProtectedSecret = WebhookSender.Protector(protection).Protect(secret);
            endpoint.Version = Guid.NewGuid();
            Record(e, endpoint, "WebhookEndpointRekeyed", new { endpoint.Name });
            await guard.SaveAsync(e.Db, ct);
            return new NewWebhookEndpointView(endpoint.Id, endpoint.Name, secret);
        }, cancellationToken);

    /// <summary>
    /// Deletes the endpoint with its outbox: pending messages are never sent, and its delivery log goes with it (the
    /// audit trail keeps that it existed, who deleted it and how many messages went with it).
    /// </summary>
    public Task DeleteAsync(Guid endpointId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var endpoint = await FindAsync(e, endpointId, ct);
            var messages = e.Db.Set<WebhookMessage>().Where(m => m.EndpointId == endpointId);
            var pending = await messages.CountAsync(m => m.Status == WebhookMessageStatus.Pending, ct);
            var logged = await messages.CountAsync(ct);
            e.Db.Set<WebhookEndpoint>().Remove(endpoint);
            Record(e, endpoint, "WebhookEndpointDeleted", new { endpoint.Name, endpoint.Url, PendingMessagesDropped = pending, DeliveryLogRemoved = logged });
            return true;
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
            endpoint.Version = Guid.NewGuid();
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

            var url = AddressOf(endpoint);
            if (WebhookUrl.Problem(url, options.CurrentValue.AllowHttpWebhooks) is { } problem)
            {
                throw new DomainException($"This endpoint's address is no longer accepted: {problem}");
            }

            if (await AddressProblemAsync(url, ct) is { } refused)
            {
                await RecordRefusedAddressAsync(e, endpoint.Name, url, refused);
                throw new DomainException($"This endpoint's address is no longer accepted: {refused}");
            }

            endpoint.DisabledAt = null;
            endpoint.DisabledReason = null;
            endpoint.ConsecutiveFailures = 0;
            endpoint.Version = Guid.NewGuid();
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

    /// <summary>Stores the address: a credential (Teams) protected, with only its masked form in the clear.</summary>
    private void SetAddress(WebhookEndpoint endpoint, string url)
    {
        if (WebhookEndpoint.UrlIsSecret(endpoint.Flavour))
        {
            endpoint.ProtectedUrl = WebhookSender.AddressProtector(protection).Protect(url);
            endpoint.Url = WebhookUrl.Masked(url);
        }
        else
        {
            endpoint.ProtectedUrl = null;
            endpoint.Url = url;
        }
    }

    private string AddressOf(WebhookEndpoint endpoint) => WebhookSender.AddressOf(endpoint, protection) ?? endpoint.Url;

    private Task<string?> AddressProblemAsync(string url, CancellationToken ct)
        => WebhookAddressGuard.ProblemAsync(new Uri(url), options.CurrentValue.AllowPrivateWebhookAddresses, ct);

    /// <summary>
    /// The server-side request forgery check at save time. A refusal is a field message for the administrator and an
    /// audit entry, written through its own context since the refused change is never saved.
    /// </summary>
    private async Task EnsureAddressAllowedAsync(EditContext e, string url, string endpointName, string field, CancellationToken ct)
    {
        if (await AddressProblemAsync(url, ct) is { } problem)
        {
            await RecordRefusedAddressAsync(e, endpointName, url, problem);
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = [problem] });
        }
    }

    private async Task RecordRefusedAddressAsync(EditContext e, string endpointName, string url, string problem)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = nameof(WebhookEndpoint),
            EntityId = "",
            Action = WebhookAddressGuard.RefusedAction,
            After = JsonSerializer.Serialize(new { Name = endpointName, Host = new Uri(url).IdnHost, Reason = problem }),
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static void Record(EditContext e, WebhookEndpoint endpoint, string action, object after, object? before = null)
        => e.Db.AuditEntries.Add(new AuditEntry
        {
            At = e.Now,
            UserId = e.Actor.UserId,
            UserName = e.Actor.DisplayName,
            EntityType = nameof(WebhookEndpoint),
            EntityId = endpoint.Id.ToString(),
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = JsonSerializer.Serialize(after),
        });
}
