using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Finds what is overdue or nearly due and tells the person who must act: a reviewer whose gate is past its due
/// date; a condition owner three days before the due date and again once it is overdue. Each notice goes once
/// (a dedup key per gate and due date, per condition and stage), however often the scan runs.
/// </summary>
public sealed class OverdueScanner(IDbContextFactory<ElearningRolloutDbContext> dbFactory, TimeProvider clock)
{
    public const int ConditionWarningDays = 3;

    /// <summary>Returns how many notifications it added.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var soon = today.AddDays(ConditionWarningDays);

        var overdueGates = await db.ClearanceGates.AsNoTracking()
            .Where(g => (g.State == GateState.Submitted || g.State == GateState.InReview) && g.DueDate < today)
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { g.Id, g.Kind, g.DueDate, g.ReviewerId, r.ItLiaisonId, r.Code })
            .ToListAsync(cancellationToken);
        var conditions = await db.ClearanceGates.AsNoTracking()
            .SelectMany(g => g.Conditions.Where(c => c.MetAt == null && c.DueDate <= soon), (g, c) => new { GateId = g.Id, g.RolloutId, c.Id, c.OwnerId, c.DueDate, c.Text })
            .Join(db.Rollouts, c => c.RolloutId, r => r.Id, (c, r) => new { c.GateId, c.Id, c.OwnerId, c.DueDate, c.Text, r.Code })
            .ToListAsync(cancellationToken);

        var candidates = overdueGates
            .Where(g => (g.ReviewerId ?? g.ItLiaisonId) is not null)
            .Select(g => new Notification
            {
                UserId = (g.ReviewerId ?? g.ItLiaisonId)!,
                Kind = NotificationKind.GateOverdue,
                Title = $"Overdue since {g.DueDate:yyyy-MM-dd}: {g.Kind.DisplayName()} of {g.Code}",
                Link = GateNotifier.LinkTo(g.Id),
                CreatedAt = now,
                DedupKey = $"gate-overdue:{g.Id}:{g.DueDate:yyyyMMdd}",
            })
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

    private static string Shorten(string text) => Notices.Shorten(text, 80);
}
