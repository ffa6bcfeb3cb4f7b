using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ElearningRollout.Application.Notifications;

/// <summary>Raises <see cref="NotificationSignals"/> once the notifications of a save are really stored.</summary>
public sealed class NotificationSignalInterceptor(NotificationSignals signals) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, List<string>> _pending = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _gatesChanged = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var recipients = db.ChangeTracker.Entries<Notification>()
                .Where(e => e.State == EntityState.Added).Select(e => e.Entity.UserId).ToList();
            if (recipients.Count > 0)
            {
                _pending.AddOrUpdate(db, recipients);
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

        if (eventData.Context is { } changed && _gatesChanged.TryGetValue(changed, out _))
        {
            _gatesChanged.Remove(changed);
            signals.RaiseGatesChanged();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}
