namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Tells open circuits, in this process, that someone has new notifications, so the bell updates without a reload.
/// Raised after the notification rows are saved; a circuit listening for its user reloads its count.
/// </summary>
public sealed class NotificationSignals
{
    public event Action<string>? Notified;

    /// <summary>A clearance gate changed state somewhere: portfolio views (the sign-off dashboard) reload.</summary>
    public event Action? GatesChanged;

    public void RaiseGatesChanged() => GatesChanged?.Invoke();

    public void Raise(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds.Distinct())
        {
            Notified?.Invoke(userId);
        }
    }
}
