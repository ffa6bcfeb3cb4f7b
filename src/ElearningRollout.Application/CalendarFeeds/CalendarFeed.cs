using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.CalendarFeeds;

/// <summary>One all-day entry of a person's feed (Start to End inclusive), with the page it links back to.</summary>
public sealed record CalendarFeedEvent(string Uid, string Summary, DateOnly Start, DateOnly End, string Link);

/// <summary>
/// A person's calendar feed, read with the secret in its address (the only authorisation a calendar program can
/// give): the due dates of gates still waiting on rollouts they own, liaise with or sponsor and of gates they review,
/// the due dates of open conditions they own, and the go-live, its launch waves and the pilot window of their rollouts
/// that are not closed or cancelled. An unknown or revoked secret, or a disabled account, gets nothing, and is audited.
/// </summary>
public sealed class CalendarFeed(IDbContextFactory<ElearningRolloutDbContext> dbFactory, IOptionsMonitor<IntegrationOptions> options, TimeProvider clock) : IFeatureService
{
    /// <summary>The last-read time is written at most this often, so a calendar polling every few minutes costs no write each time.</summary>
    public static readonly TimeSpan LastReadPrecision = TimeSpan.FromHours(1);

    public const string RefusedAction = "CalendarFeedRefused";

    /// <summary>
    /// The iCalendar text, or null when the secret opens no feed. A refused secret (unknown, revoked, of a disabled
    /// account) is written to the audit trail with the reason and <paramref name="clientAddress"/>, never the secret.
    /// </summary>
    public async Task<string?> RenderAsync(string secret, string? clientAddress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wellFormed = !string.IsNullOrEmpty(secret) && secret.Length <= 200 && secret.StartsWith(CalendarFeedToken.SecretPrefix, StringComparison.Ordinal);
        var hash = wellFormed ? CalendarFeedToken.HashOf(secret) : null;
        var token = hash is null ? null : await db.Set<CalendarFeedToken>().SingleOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var owner = token is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == token.UserId).Select(u => new { u.DisplayName, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
        var refusal = !wellFormed ? "malformed feed address"
            : token is null ? "unknown feed address"
            : token.RevokedAt is not null ? "revoked feed address"
            : owner is null || owner.IsDisabled ? "account disabled or removed"
            : null;
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            db.AuditEntries.Add(CredentialRefusal.Entry(clock.GetUtcNow(), token?.UserId, owner?.DisplayName ?? "(unknown calendar feed)",
                nameof(CalendarFeedToken), token?.Id.ToString() ?? "unknown", RefusedAction, refusal, clientAddress));
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }

        var now = clock.GetUtcNow();
        if (token!.LastReadAt is not { } lastRead || now - lastRead >= LastReadPrecision)
        {
            token.LastReadAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        var calendar = new Ical.Net.Calendar { ProductId = "-//ElearningRollout//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", "ElearningRollout");
        foreach (var entry in await EventsOfAsync(db, token.UserId, cancellationToken))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Summary,
                Description = entry.Link,
                Url = new Uri(entry.Link),
                DtStart = new CalDateTime(entry.Start),
                DtEnd = new CalDateTime(entry.End.AddDays(1)),
                DtStamp = new CalDateTime(now.UtcDateTime),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    internal async Task<IReadOnlyList<CalendarFeedEvent>> EventsOfAsync(ElearningRolloutDbContext db, string userId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var rollouts = await db.Rollouts.AsNoTracking()
            .Where(r => (r.TrainingOwnerId == userId || r.ItLiaisonId == userId || r.ExecutiveSponsorId == userId)
                && !LifecycleStatusRules.Final.Contains(r.LifecycleStatus))
            .Select(r => new { r.Id, r.Code, r.Title, r.TargetGoLive, Pilot = r.PilotCohort })
            .ToListAsync(cancellationToken);
        var rolloutIds = rollouts.Select(r => r.Id).ToList();
        var gates = await db.ClearanceGates.AsNoTracking()
            .Where(g => g.DueDate != null && (g.ReviewerId == userId || rolloutIds.Contains(g.RolloutId))
                && g.State != GateState.Approved && g.State != GateState.ApprovedWithConditions && g.State != GateState.Waived)
            .Join(db.Rollouts.Where(r => !LifecycleStatusRules.Final.Contains(r.LifecycleStatus)), g => g.RolloutId, r => r.Id,
                (g, r) => new { g.Id, g.Kind, DueDate = g.DueDate!.Value, r.Code })
            .ToListAsync(cancellationToken);
        var conditions = await db.ClearanceGates.AsNoTracking()
            .SelectMany(g => g.Conditions.Where(c => c.OwnerId == userId && c.MetAt == null), (g, c) => new { GateId = g.Id, g.RolloutId, c.Id, c.DueDate, c.Text })
            .Join(db.Rollouts.Where(r => !LifecycleStatusRules.Final.Contains(r.LifecycleStatus)), c => c.RolloutId, r => r.Id,
                (c, r) => new { c.GateId, c.Id, c.DueDate, c.Text, r.Code })
            .ToListAsync(cancellationToken);

        // The go-live's launch waves (planned on the Infrastructure and network gate) of the same rollouts as the go-live.
        var waves = await db.BandwidthPlans.AsNoTracking()
            .Where(p => rolloutIds.Contains(p.RolloutId))
            .SelectMany(p => p.Waves, (p, w) => new { p.RolloutId, w.Id, w.Name, w.StartsOn, w.Learners })
            .ToListAsync(cancellationToken);

        var events = new List<CalendarFeedEvent>();
        events.AddRange(gates.Select(g => new CalendarFeedEvent(
            $"gate-{g.Id}@elearning-rollout", $"{g.Code}: {g.Kind.DisplayName()} gate due", g.DueDate, g.DueDate, settings.LinkTo(GateNotifier.LinkTo(g.Id)))));
        events.AddRange(conditions.Select(c => new CalendarFeedEvent(
            $"condition-{c.Id}@elearning-rollout", $"{c.Code}: condition due: {Notifications.Notices.Shorten(c.Text, 80)}", c.DueDate, c.DueDate, settings.LinkTo(GateNotifier.LinkTo(c.GateId)))));
        foreach (var rollout in rollouts)
        {
            var link = settings.LinkTo($"/rollouts/{rollout.Code}");
            events.Add(new CalendarFeedEvent($"golive-{rollout.Id}@elearning-rollout", $"{rollout.Code}: go-live of {rollout.Title}", rollout.TargetGoLive, rollout.TargetGoLive, link));
            if (rollout.Pilot is { StartDate: { } start, EndDate: { } end })
            {
                events.Add(new CalendarFeedEvent($"pilot-{rollout.Id}@elearning-rollout", $"{rollout.Code}: pilot {rollout.Pilot.Name}", start, end, link));
            }

            events.AddRange(waves.Where(w => w.RolloutId == rollout.Id).Select(w => new CalendarFeedEvent(
                $"wave-{w.Id}@elearning-rollout", $"{rollout.Code}: launch wave {w.Name} ({w.Learners.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} learners)", w.StartsOn, w.StartsOn, link)));
        }

        return events.OrderBy(e => e.Start).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }
}
