using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Raises <see cref="NotificationSignals"/> once the notifications of a save are really stored, and counts them
/// (<see cref="Common.ProductMetrics.NotificationsSent"/>).
/// </summary>
public sealed class NotificationSignalInterceptor(NotificationSignals signals) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<string>> _pending = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _gatesChanged = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<string>> _kinds = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (added.Count > 0)
            {
                _pending.AddOrUpdate(db, added.Select(n => n.UserId).ToList());
                _kinds.AddOrUpdate(db, added.Select(n => n.Kind.ToString()).ToList());
            }

            if (db.ChangeTracker.Entries<Domain.Gates.ClearanceGate>().Any(e => e.State == EntityState.Modified))
            {
                _gatesChanged.AddOrUpdate(db, db);
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _pending.TryGetValue(db, out var recipients))
        {
            _pending.Remove(db);
            signals.Raise(recipients);
        }

        if (eventData.Context is { } stored && _kinds.TryGetValue(stored, out var kinds))
        {
            _kinds.Remove(stored);
            foreach (var kind in kinds.CountBy(k => k))
            {
                Common.ProductMetrics.NotificationsSent.Add(kind.Value, new KeyValuePair<string, object?>("notification.kind", kind.Key));
            }
        }

        if (eventData.Context is { } changed && _gatesChanged.TryGetValue(changed, out _))
        {
            _gatesChanged.Remove(changed);
            signals.RaiseGatesChanged();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
