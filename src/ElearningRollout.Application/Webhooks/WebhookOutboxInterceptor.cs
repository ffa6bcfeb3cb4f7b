using System.Text.Json;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// Writes the webhook outbox in the save that makes the change: the events are read from what the change tracker says
/// changed (a rollout added or its status moved, a gate's state moved, an agreement signed, an overdue notice written),
/// the same facts the audit trail records, so no use case has to remember to raise them and no second set of rules
/// decides what happened. One <see cref="WebhookMessage"/> per subscribed, enabled endpoint; a change that is rolled
/// back writes none, and one that is saved cannot lose its messages.
/// </summary>
public sealed class WebhookOutboxInterceptor(TimeProvider clock, IOptionsMonitor<IntegrationOptions> options) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ElearningRolloutDbContext db)
        {
            await WriteOutboxAsync(db, sync: false, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ElearningRolloutDbContext db)
        {
            WriteOutboxAsync(db, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        }

        return base.SavingChanges(eventData, result);
    }

    /// <summary>An event found in the change tracker, before the rollout it names is looked up.</summary>
    private sealed record Happening(string Type, Guid? RolloutId, Func<RolloutName?, string> Link, Func<RolloutName?, string> Summary, Dictionary<string, object?> Data);

    private sealed record RolloutName(string Code, string Title);

    /// <param name="sync">Saved with SaveChanges (no await allowed below it): the two look-ups run synchronously.</param>
    private async Task WriteOutboxAsync(ElearningRolloutDbContext db, bool sync, CancellationToken cancellationToken)
    {
        var happenings = Find(db).ToList();
        var certificationNotices = db.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == NotificationKind.CertificationExpiring && e.Entity.DedupKey is not null)
            .Select(e => e.Entity)
            .ToList();
        if (happenings.Count == 0 && certificationNotices.Count == 0)
        {
            return;
        }

        var endpointQuery = db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.DisabledAt == null);
        var endpoints = sync ? endpointQuery.ToList() : await endpointQuery.ToListAsync(cancellationToken);
        if (certificationNotices.Count > 0 && endpoints.Any(e => e.Wants(WebhookEvents.CertificationExpiring)))
        {
            happenings.AddRange(await CertificationsExpiringAsync(db, certificationNotices, sync, cancellationToken));
        }

        happenings = happenings.Where(h => endpoints.Any(e => e.Wants(h.Type))).ToList();
        if (happenings.Count == 0)
        {
            return;
        }

        var rolloutIds = happenings.Where(h => h.RolloutId is not null).Select(h => h.RolloutId!.Value).Distinct().ToList();
        var tracked = db.ChangeTracker.Entries<Rollout>().ToDictionary(e => e.Entity.Id, e => new RolloutName(e.Entity.Code, e.Entity.Title));
        var missing = rolloutIds.Where(id => !tracked.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var query = db.Rollouts.AsNoTracking().Where(r => missing.Contains(r.Id)).Select(r => new { r.Id, r.Code, r.Title });
            foreach (var rollout in sync ? query.ToList() : await query.ToListAsync(cancellationToken))
            {
                tracked[rollout.Id] = new RolloutName(rollout.Code, rollout.Title);
            }
        }

        var now = clock.GetUtcNow();
        var settings = options.CurrentValue;
        foreach (var happening in happenings)
        {
            var rollout = happening.RolloutId is { } id ? tracked.GetValueOrDefault(id) : null;
            var data = new Dictionary<string, object?>(happening.Data)
            {
                ["summary"] = happening.Summary(rollout),
                ["by"] = db.AuditActor.DisplayName,
                ["link"] = settings.LinkTo(happening.Link(rollout)),
            };
            if (rollout is not null)
            {
                data["rollout"] = new { code = rollout.Code, title = rollout.Title };
            }

            foreach (var endpoint in endpoints.Where(e => e.Wants(happening.Type)))
            {
                var messageId = "msg_" + Guid.CreateVersion7().ToString("N");
                db.Set<WebhookMessage>().Add(new WebhookMessage
                {
                    MessageId = messageId,
                    EndpointId = endpoint.Id,
                    EventType = happening.Type,
                    Payload = JsonSerializer.Serialize(new { id = messageId, type = happening.Type, timestamp = now, data }),
                    CreatedAt = now,
                    Status = WebhookMessageStatus.Pending,
                    NextAttemptAt = now.UtcDateTime,
                    RetryUntil = now.UtcDateTime.AddHours(settings.WebhookRetryHours),
                });
            }
        }
    }

    /// <summary>
    /// The overdue scan tells each IT lead of an expiring certification, one notice each under a key shared per
    /// certification, expiry date and threshold (<see cref="OverdueScanner.CertificationKey"/>). The event goes with the
    /// first of them only: a notice added later for the same key (an IT lead who joined since) raises nothing again.
    /// </summary>
    private static async Task<List<Happening>> CertificationsExpiringAsync(
        ElearningRolloutDbContext db, List<Notification> notices, bool sync, CancellationToken cancellationToken)
    {
        var happenings = new List<Happening>();
        foreach (var group in notices.GroupBy(n => n.DedupKey![..(n.DedupKey!.LastIndexOf(':') + 1)]))
        {
            var key = group.Key;
            var announcedBefore = db.Notifications.AsNoTracking().Where(n => n.DedupKey!.StartsWith(key));
            if (sync ? announcedBefore.Any() : await announcedBefore.AnyAsync(cancellationToken))
            {
                continue;
            }

            // certification-expiring:{certification id}:{expiry yyyyMMdd}:{threshold}d:
            var parts = key[OverdueScanner.CertificationKeyPrefix.Length..].Split(':');
            var notice = group.First();
            if (parts.Length < 3 || !Guid.TryParseExact(parts[0], "N", out var certificationId)
                || !Guid.TryParse(notice.Link.Split('/').Last(), out var vendorId))
            {
                continue;
            }

            var vendorQuery = db.Vendors.AsNoTracking().Where(v => v.Id == vendorId);
            var vendor = sync ? vendorQuery.FirstOrDefault() : await vendorQuery.FirstOrDefaultAsync(cancellationToken);
            var certification = vendor?.Certifications.FirstOrDefault(c => c.Id == certificationId);
            if (vendor is null || certification is null)
            {
                continue;
            }

            var threshold = int.Parse(parts[2].TrimEnd('d'), System.Globalization.CultureInfo.InvariantCulture);
            var daysLeft = certification.ExpiresOn.DayNumber - DateOnly.FromDateTime(notice.CreatedAt.UtcDateTime).DayNumber;
            happenings.Add(new(WebhookEvents.CertificationExpiring, null, _ => notice.Link,
                _ => $"{vendor.Name}'s {certification.Kind.DisplayName()} certification expires on {certification.ExpiresOn:yyyy-MM-dd} ({daysLeft} days left)",
                new()
                {
                    ["vendor"] = new { id = vendor.Id, name = vendor.Name },
                    ["certification"] = new { id = certification.Id, kind = certification.Kind.ToString(), name = certification.Kind.DisplayName(), expiresOn = certification.ExpiresOn },
                    ["daysLeft"] = daysLeft,
                    ["thresholdDays"] = threshold,
                }));
        }

        return happenings;
    }

    private static IEnumerable<Happening> Find(ElearningRolloutDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<Rollout>())
        {
            var rollout = entry.Entity;
            if (entry.State == EntityState.Added)
            {
                yield return new(WebhookEvents.RolloutCreated, rollout.Id, _ => $"/rollouts/{rollout.Code}",
                    r => $"{db.AuditActor.DisplayName} created {rollout.Code} {rollout.Title}", new() { ["status"] = rollout.LifecycleStatus.ToString() });
            }
            else if (entry.State == EntityState.Modified && Moved(entry, nameof(Rollout.LifecycleStatus)) is { } from)
            {
                yield return new(WebhookEvents.RolloutStatusChanged, rollout.Id, _ => $"/rollouts/{rollout.Code}",
                    r => $"{rollout.Code} {rollout.Title} moved from {from} to {rollout.LifecycleStatus}",
                    new() { ["from"] = from.ToString(), ["status"] = rollout.LifecycleStatus.ToString(), ["reason"] = rollout.StatusReason });
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<ClearanceGate>().Where(e => e.State == EntityState.Modified))
        {
            var gate = entry.Entity;
            if (Moved(entry, nameof(ClearanceGate.State)) is not GateState from)
            {
                continue;
            }

            var data = new Dictionary<string, object?>
            {
                ["gate"] = new { id = gate.Id, kind = gate.Kind.ToString(), name = gate.Kind.DisplayName(), state = gate.State.ToString(), from = from.ToString() },
            };
            Func<RolloutName?, string> link = _ => GateNotifier.LinkTo(gate.Id);
            if (gate.State == GateState.Submitted)
            {
                yield return new(WebhookEvents.GateSubmitted, gate.RolloutId, link, r => $"The {gate.Kind.DisplayName()} gate of {r?.Code} was submitted for review", data);
            }
            else if (gate.HasDecision || gate.State == GateState.Waived)
            {
                yield return new(WebhookEvents.GateDecided, gate.RolloutId, link, r => $"The {gate.Kind.DisplayName()} gate of {r?.Code} was decided: {gate.State}", data);
                if (gate.Approval.SignsOffRollout && gate.IsCleared)
                {
                    yield return new(WebhookEvents.SignOffGiven, gate.RolloutId, link, r => $"The go-live sign-off of {r?.Code} was given", data);
                }
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<CostSharingAgreement>().Where(e => e.State == EntityState.Modified))
        {
            var agreement = entry.Entity;
            if (agreement.State == AgreementState.Signed && Moved(entry, nameof(CostSharingAgreement.State)) is not null)
            {
                yield return new(WebhookEvents.AgreementSigned, agreement.RolloutId, r => $"/rollouts/{r?.Code}",
                    r => $"The cost-sharing agreement of {r?.Code} (version {agreement.VersionNumber}) was signed by both sides",
                    new() { ["agreement"] = new { id = agreement.Id, version = agreement.VersionNumber } });
            }
        }

        // The overdue scan writes one notice per overdue gate and due date (deduplicated), so the event follows it once too.
        foreach (var entry in db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added && e.Entity.Kind == NotificationKind.GateOverdue))
        {
            var notice = entry.Entity;
            var gateId = Guid.TryParse(notice.Link.Split('/').Last(), out var parsed) ? parsed : (Guid?)null;
            var gate = gateId is { } known ? db.ChangeTracker.Entries<ClearanceGate>().FirstOrDefault(g => g.Entity.Id == known)?.Entity : null;
            yield return new(WebhookEvents.GateOverdue, gate?.RolloutId, _ => notice.Link, _ => notice.Title,
                new() { ["gate"] = new { id = gateId }, ["dedupKey"] = notice.DedupKey });
        }
    }

    /// <summary>The original value of <paramref name="property"/> when the save changes it, else null.</summary>
    private static object? Moved(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return Equals(value.OriginalValue, value.CurrentValue) ? null : value.OriginalValue;
    }
}
