using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Calendar;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Finds what is overdue or nearly due and tells the person who must act: whoever holds a review past its due date
/// (<see cref="OverdueRecipients"/>); each pending reviewer at half-time and on the due day of their review, and the escalation person of the
/// policy the gate was submitted under once a review is overdue (<see cref="ReviewReminders"/>, on the working-day
/// clock); a condition owner three days before the due date and again once it is overdue. Each notice goes once
/// (a dedup key per gate and due date, per review, stage and due date, per condition and stage), however often the
/// scan runs; the mailer sends each by e-mail too. A vendor certification that lapses within one of the thresholds of
/// Integrations:CertificationExpiringDays is announced to the IT leads (who keep the security record) once per
/// certification, expiry date and threshold; the first of those notices raises <c>certification.expiring</c>.
/// </summary>
public sealed class OverdueScanner(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock, IOptionsMonitor<IntegrationOptions> options)
{
    /// <summary>The dedup key's prefix of a certification notice; the key ends with the recipient's id.</summary>
    public const string CertificationKeyPrefix = "certification-expiring:";

    public const int ConditionWarningDays = 3;

    /// <summary>Returns how many notifications it added.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddDays(ConditionWarningDays);

        // The gates awaiting a decision, read once: the overdue notice and the reviews' reminders both come from them.
        var awaiting = await GateStore.Whole(db).AsNoTracking()
            .Where(g => GateStateRules.AwaitingDecision.Contains(g.State))
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { Gate = g, r.Code, r.ItLiaisonId, r.ExecutiveSponsorId })
            .ToListAsync(cancellationToken);
        var standIns = awaiting.Count == 0 ? StandIns.None : await StandInRoster.OnAsync(db, today, cancellationToken);
        var overdueNotices = awaiting
            .SelectMany(a => OverdueRecipients(a.Gate, a.ItLiaisonId, a.ExecutiveSponsorId, standIns, today).Select(r => new Notification
            {
                UserId = r.UserId,
                Kind = NotificationKind.GateOverdue,
                Title = $"Overdue since {r.DueDate:yyyy-MM-dd}: {a.Gate.Kind.DisplayName()} of {a.Code}",
                Link = GateNotifier.LinkTo(a.Gate.Id),
                CreatedAt = now,
                DedupKey = r.DedupKey,
            }))
            .ToList();
        var conditions = await db.ClearanceGates.AsNoTracking()
            .SelectMany(g => g.Conditions.Where(c => c.MetAt == null && c.DueDate <= soon), (g, c) => new { GateId = g.Id, g.RolloutId, c.Id, c.OwnerId, c.DueDate, c.Text })
            .Join(db.Rollouts, c => c.RolloutId, r => r.Id, (c, r) => new { c.GateId, c.Id, c.OwnerId, c.DueDate, c.Text, r.Code })
            .ToListAsync(cancellationToken);

        var reviewNotices = await ReviewNoticesAsync(db, awaiting.Select(a => (a.Gate, a.Code)).ToList(), standIns, today, now, cancellationToken);
        var certificationNotices = await CertificationNoticesAsync(db, today, now, options.CurrentValue.CertificationThresholds, cancellationToken);

        var candidates = overdueNotices
            .Concat(conditions.Select(c => new Notification
            {
                UserId = c.OwnerId,
                Kind = NotificationKind.ConditionDueSoon,
                Title = c.DueDate < today
                    ? $"Condition overdue since {c.DueDate:yyyy-MM-dd} on {c.Code}: {Shorten(c.Text)}"
                    : $"Condition due {c.DueDate:yyyy-MM-dd} on {c.Code}: {Shorten(c.Text)}",
                Link = GateNotifier.LinkTo(c.GateId),
                CreatedAt = now,
                DedupKey = $"condition-{(c.DueDate < today ? "overdue" : "due")}:{c.Id}",
            }))
            .Concat(reviewNotices)
            .Concat(certificationNotices)
            .ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keys = candidates.Select(c => c.DedupKey!).ToList();
        var alreadySent = await db.Notifications.Where(n => keys.Contains(n.DedupKey!)).Select(n => n.DedupKey!).ToListAsync(cancellationToken);
        var fresh = candidates.Where(c => !alreadySent.Contains(c.DedupKey!)).ToList();
        db.Notifications.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken);
        return fresh.Count;
    }

    /// <summary>
    /// Who is told that <paramref name="gate"/> is overdue, and the notice's dedup key: whoever holds each pending review
    /// of the current round past its due date (the reviewer, or their stand-in while they are away, by the gate's own
    /// rule); a review nobody is assigned to, and a round submitted before reviews were recorded one by one without a
    /// reviewer, go to the rollout's contact in the deciding role (the IT liaison, or the executive sponsor when
    /// executives decide). The key of the gate's single reviewer (or that contact) is the gate's and due date's, as
    /// before several reviewers; every other recipient's ends with their id, so each is told once.
    /// </summary>
    private static IEnumerable<(string UserId, DateOnly DueDate, string DedupKey)> OverdueRecipients(
        ClearanceGate gate, string? itLiaisonId, string? executiveSponsorId, StandIns standIns, DateOnly today)
    {
        var contact = GateApprovalPolicy.DefaultReviewerFor(gate.DeciderRole, itLiaisonId, executiveSponsorId);
        IEnumerable<(string? UserId, DateOnly DueDate)> overdue = gate.CurrentReviews.Count == 0
            ? gate.DueDate < today ? [(gate.ReviewerId ?? contact, gate.DueDate!.Value)] : []
            : gate.CurrentReviews
                .Where(r => !r.IsDecided && (r.DueDate ?? gate.DueDate) < today)
                .Select(r => (gate.HolderOf(r, standIns) ?? contact, (r.DueDate ?? gate.DueDate)!.Value));
        var single = gate.ReviewerId ?? contact;
        return overdue
            .Where(o => o.UserId is not null)
            .DistinctBy(o => o.UserId)
            .Select(o => (o.UserId!, o.DueDate, $"gate-overdue:{gate.Id}:{o.DueDate:yyyyMMdd}" + (o.UserId == single ? "" : $":{o.UserId}")));
    }

    /// <summary>
    /// The reminders and escalations of the pending reviews, on each review's working-day clock (paused while its gate
    /// was back with Training, <see cref="ClearanceGate.ReviewWindow"/>). While a reviewer is away the reminders go to
    /// whoever holds the review, their stand-in, naming the reviewer they stand in for; the escalation still goes to the
    /// policy's escalation person and names both.
    /// </summary>
    private static async Task<List<Notification>> ReviewNoticesAsync(
        ElearningRolloutDbContext db, IReadOnlyList<(ClearanceGate Gate, string Code)> awaiting, StandIns standIns, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pending = awaiting
            .Select(a => (a.Gate, a.Code, Window: a.Gate.ReviewWindow()))
            .Where(a => a.Window is not null)
            .SelectMany(a => a.Gate.CurrentReviews
                .Where(r => !r.IsDecided && r.ReviewerId is not null && r.DueDate is not null)
                .Select(r => (a.Gate, a.Code, Window: a.Window!, Review: r)))
            .ToList();
        if (pending.Count == 0)
        {
            return [];
        }

        var calendar = await WorkingDays.CalendarAsync(db, pending.Min(p => p.Window.StartedOn), cancellationToken);
        var holders = pending.ToDictionary(p => p.Review.Id, p => p.Gate.HolderOf(p.Review, standIns) ?? p.Review.ReviewerId!);
        var people = pending.Select(p => p.Review.ReviewerId!).Concat(holders.Values).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Name(string id) => names.GetValueOrDefault(id, "A reviewer");

        var notices = new List<Notification>();
        foreach (var (gate, code, window, review) in pending)
        {
            var due = review.DueDate!.Value;
            var reviewer = review.ReviewerId!;
            var holder = holders[review.Id];
            var standingIn = holder != reviewer;
            var what = $"{gate.Kind.DisplayName()} of {code}";
            var forWhom = standingIn ? $" (you stand in for {Name(reviewer)})" : "";
            var notice = ReviewReminders.On(today, window, due, calendar) switch
            {
                ReviewReminder.HalfTime => Notice(holder, NotificationKind.ReviewReminder,
                    $"Half the review time has passed: {what}, due {due:yyyy-MM-dd} ({calendar.Clock(today, due).Text}){forWhom}", "half"),
                ReviewReminder.DueToday => Notice(holder, NotificationKind.ReviewReminder, $"Review due today: {what}{forWhom}", "due"),
                ReviewReminder.Overdue when gate.EscalateToId is { } escalateTo && escalateTo != reviewer && escalateTo != holder => Notice(escalateTo, NotificationKind.ReviewEscalated,
                    standingIn
                        ? $"Escalated to you: {Name(reviewer)}'s review of {what}, held by their stand-in {Name(holder)}, is overdue since {due:yyyy-MM-dd}"
                        : $"Escalated to you: {Name(reviewer)}'s review of {what} is overdue since {due:yyyy-MM-dd}", "escalated"),
                _ => null,
            };
            if (notice is not null)
            {
                notices.Add(notice);
            }

            // A reminder goes once to each person who holds the review (a stand-in who takes over after the reviewer was
            // reminded is reminded too); an escalation goes once per review, whoever holds it.
            Notification Notice(string userId, NotificationKind kind, string title, string stage) => new()
            {
                UserId = userId,
                Kind = kind,
                Title = title,
                Link = GateNotifier.LinkTo(gate.Id),
                CreatedAt = now,
                DedupKey = standingIn && kind == NotificationKind.ReviewReminder
                    ? $"review-{stage}:{review.Id}:{due:yyyyMMdd}:{holder}"
                    : $"review-{stage}:{review.Id}:{due:yyyyMMdd}",
            };
        }

        return notices;
    }

    /// <summary>
    /// The key shared by every recipient's notice of one certification, expiry date and threshold (the certification
    /// is named by id, so a renewal, which changes the date, is announced again).
    /// </summary>
    public static string CertificationKey(Guid certificationId, DateOnly expiresOn, int thresholdDays)
        => $"{CertificationKeyPrefix}{certificationId:N}:{expiresOn:yyyyMMdd}:{thresholdDays}d:";

    /// <summary>
    /// Certifications that lapse within a threshold and are not yet expired: each is announced at the tightest threshold
    /// it has reached (a scan that first runs 5 days before the date announces the 7-day threshold, not the 30-day one
    /// as well), to every enabled IT lead, or to the administrators while there is no IT lead.
    /// </summary>
    private static async Task<List<Notification>> CertificationNoticesAsync(
        ElearningRolloutDbContext db, DateOnly today, DateTimeOffset now, IReadOnlyList<int> thresholds, CancellationToken cancellationToken)
    {
        if (thresholds.Count == 0)
        {
            return [];
        }

        var horizon = today.AddDays(thresholds[^1]);
        var vendors = await db.Vendors.AsNoTracking()
            .Where(v => v.Certifications.Any(c => c.ExpiresOn >= today && c.ExpiresOn <= horizon))
            .ToListAsync(cancellationToken);
        if (vendors.Count == 0)
        {
            return [];
        }

        var recipients = await UsersInRoleAsync(db, Roles.ItLead, cancellationToken);
        if (recipients.Count == 0)
        {
            recipients = await UsersInRoleAsync(db, Roles.Administrator, cancellationToken);
        }

        var notices = new List<Notification>();
        foreach (var vendor in vendors)
        {
            foreach (var certification in vendor.Certifications.Where(c => c.ExpiresOn >= today && c.ExpiresOn <= horizon))
            {
                var daysLeft = certification.ExpiresOn.DayNumber - today.DayNumber;
                var threshold = thresholds.First(t => daysLeft <= t);
                var key = CertificationKey(certification.Id, certification.ExpiresOn, threshold);
                notices.AddRange(recipients.Select(userId => new Notification
                {
                    UserId = userId,
                    Kind = NotificationKind.CertificationExpiring,
                    Title = Notices.Shorten($"{vendor.Name}'s {certification.Kind.DisplayName()} certification expires on {certification.ExpiresOn:yyyy-MM-dd} ({daysLeft} days): ask for the renewal", 200),
                    Link = $"/vendors/{vendor.Id}",
                    CreatedAt = now,
                    DedupKey = key + userId,
                }));
            }
        }

        return notices;
    }

    private static Task<List<string>> UsersInRoleAsync(ElearningRolloutDbContext db, string role, CancellationToken cancellationToken)
        => db.UserRoles.AsNoTracking()
            .Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), id => id, u => u.Id, (id, _) => id)
            .Distinct()
            .ToListAsync(cancellationToken);

    private static string Shorten(string text) => Notices.Shorten(text, 80);
}
