using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Webhooks;

/// <summary>The endpoints and their delivery log for /admin/webhooks (administrators only).</summary>
public sealed class WebhookQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals, TimeProvider clock) : IUseCases
{
    public const int DeliveryLogSize = 100;

    public async Task<IReadOnlyList<WebhookEndpointRow>> ListEndpointsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().ToListAsync(cancellationToken);

        // A handful of endpoints: ordered here, since SQLite cannot order DateTimeOffset columns.
        return endpoints.OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(e => new WebhookEndpointRow(e.Id, e.Version, e.Name, e.ProtectedUrl is null && WebhookEndpoint.UrlIsSecret(e.Flavour) ? WebhookUrl.Masked(e.Url) : e.Url, WebhookEndpoint.UrlIsSecret(e.Flavour), e.Flavour, e.EventList, e.CreatedAt, e.CreatedBy, e.DisabledAt, e.DisabledReason, e.ConsecutiveFailures))
            .ToList();
    }

    /// <summary>The endpoint's latest <see cref="DeliveryLogSize"/> messages, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRow>> ListDeliveriesAsync(Guid endpointId, CancellationToken cancellationToken = default)
    {
        await EnsureAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var enabled = await db.Set<WebhookEndpoint>().Where(e => e.Id == endpointId).Select(e => e.DisabledAt == null).SingleOrDefaultAsync(cancellationToken);
        var rows = await db.Set<WebhookMessage>().AsNoTracking()
            .Where(m => m.EndpointId == endpointId)
            .OrderByDescending(m => m.Id)
            .Take(DeliveryLogSize)
            .Select(m => new { m.Id, m.MessageId, m.EventType, m.CreatedAt, m.Status, m.Attempts, m.LastAttemptAt, m.LastResponseCode, m.LastResponseExcerpt, m.NextAttemptAt, m.ClaimedUntil })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new WebhookDeliveryRow(
                m.Id, m.MessageId, m.EventType, m.CreatedAt, m.Status, m.Attempts, m.LastAttemptAt, m.LastResponseCode, m.LastResponseExcerpt,
                m.Status == WebhookMessageStatus.Pending ? m.NextAttemptAt : null,
                enabled && !(m.ClaimedUntil is { } until && until >= now)))
            .ToList();
    }

    private async Task EnsureAdministratorAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, WebhookCommands.NotAnAdministrator, cancellationToken);
        }
    }
}
