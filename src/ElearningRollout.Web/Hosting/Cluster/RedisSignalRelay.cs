using ElearningRollout.Application.Notifications;
using StackExchange.Redis;

namespace ElearningRollout.Web.Hosting.Cluster;

/// <summary>
/// Carries live-update signals to every instance through one Redis pub/sub channel. A signal is delivered in this
/// process at once (the person who acted sees it even while Redis is away) and published; each instance ignores its
/// own messages, so nobody hears a signal twice. A message names only a user id or "a gate changed": listeners load
/// what they show from the database.
/// </summary>
internal sealed class RedisSignalRelay : ISignalRelay
{
    private const char Separator = '\u001f';
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisSignalRelay> _logger;
    private readonly RedisChannel _channel;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private Action<Signal>? _deliver;

    public RedisSignalRelay(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<RedisSignalRelay> logger)
    {
        _redis = redis;
        _logger = logger;
        _channel = RedisChannel.Literal(ClusterHosting.KeyPrefix(configuration) + "signals");
    }

    public void Publish(Signal signal)
    {
        _deliver?.Invoke(signal);
        try
        {
            var message = signal.UserId is { } userId ? $"{_instance}{Separator}n{Separator}{userId}" : $"{_instance}{Separator}g";
            _redis.GetSubscriber().Publish(_channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception failure)
        {
            // The change is saved; only other instances' open pages miss this live update until their next load.
            _logger.LogWarning(failure, "A live-update signal could not be published to Redis");
        }
    }

    public void Subscribe(Action<Signal> deliver)
    {
        var first = _deliver is null;
        _deliver += deliver;
        if (!first)
        {
            return;
        }

        try
        {
            // The multiplexer subscribes again by itself after a reconnect.
            _redis.GetSubscriber().Subscribe(_channel, (_, message) => Receive(message));
        }
        catch (Exception failure)
        {
            _logger.LogError(failure, "Could not subscribe to live-update signals in Redis; other instances' changes will not appear live");
        }
    }

    private void Receive(RedisValue message)
    {
        var parts = ((string?)message ?? "").Split(Separator);
        if (parts.Length < 2 || parts[0] == _instance)
        {
            return; // our own, already delivered when published
        }

        var signal = parts is [_, "n", var userId] ? Signal.Notified(userId) : Signal.GatesChanged;
        try
        {
            _deliver?.Invoke(signal);
        }
        catch (Exception failure)
        {
            _logger.LogWarning(failure, "A listener failed on a live-update signal from another instance");
        }
    }
}
