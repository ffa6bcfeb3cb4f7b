namespace ElearningRollout.Application.Notifications;

/// <summary>
/// Tells open circuits that someone has new notifications, so the bell updates without a reload, and that a gate
/// changed, so portfolio views reload. Raised after the rows are saved; a circuit listening for its user reloads its
/// count. Consumers subscribe to the events; where a signal travels is the <see cref="ISignalRelay"/>'s business:
/// in this process alone (one instance), or to every instance through Redis (Redis:Configuration, docs/deployment.md).
/// </summary>
public sealed class NotificationSignals
{
    private readonly ISignalRelay _relay;

    /// <summary>Signals that stay in this process (a single instance, and tests).</summary>
    public NotificationSignals()
        : this(new InProcessSignalRelay())
    {
    }

    public NotificationSignals(ISignalRelay relay)
    {
        _relay = relay;
        relay.Subscribe(Deliver);
    }

    public event Action<string>? Notified;

    /// <summary>A clearance gate changed state somewhere: portfolio views (the sign-off dashboard) reload.</summary>
    public event Action? GatesChanged;

    public void RaiseGatesChanged() => _relay.Publish(Signal.GatesChanged);

    public void Raise(IEnumerable<string> userIds)
    {
        foreach (var userId in userIds.Distinct())
        {
            _relay.Publish(Signal.Notified(userId));
        }
    }

    /// <summary>A signal arrived (from this instance or another): tell this process's listeners.</summary>
    private void Deliver(Signal signal)
    {
        if (signal.UserId is { } userId)
        {
            Notified?.Invoke(userId);
        }
        else
        {
            GatesChanged?.Invoke();
        }
    }
}

/// <summary>One signal: a person has new notifications (<see cref="UserId"/>), or a gate changed (no user).</summary>
public sealed record Signal(string? UserId)
{
    public static readonly Signal GatesChanged = new((string?)null);

    public static Signal Notified(string userId) => new(userId);
}

/// <summary>Carries signals to the listeners of every instance that should hear them.</summary>
public interface ISignalRelay
{
    /// <summary>Sends a signal; never throws (a lost live update is a reload away, a failed save is not).</summary>
    void Publish(Signal signal);

    /// <summary>Called once, by <see cref="NotificationSignals"/>, with the delivery for signals that arrive.</summary>
    void Subscribe(Action<Signal> deliver);
}

/// <summary>The single-instance relay: a signal is delivered at once, in this process.</summary>
public sealed class InProcessSignalRelay : ISignalRelay
{
    private Action<Signal>? _deliver;

    public void Publish(Signal signal) => _deliver?.Invoke(signal);

    public void Subscribe(Action<Signal> deliver) => _deliver += deliver;
}
