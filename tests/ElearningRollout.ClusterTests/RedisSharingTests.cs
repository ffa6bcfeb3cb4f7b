using ElearningRollout.Application.Notifications;
using ElearningRollout.ClusterTests.Infrastructure;
using ElearningRollout.Web.Hosting.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ElearningRollout.ClusterTests;

/// <summary>
/// What instances share through the real Redis of the cluster: each "instance" here has its own connection, as
/// separate processes do.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisSharingTests(ClusterUnderTest cluster)
{
    [Fact]
    public async Task A_signal_raised_on_one_instance_reaches_the_listeners_of_the_other_and_the_raiser_hears_it_once()
    {
        var configuration = Settings();
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConfiguration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConfiguration);
        var signalsA = new NotificationSignals(new RedisSignalRelay(redisA, configuration, NullLogger<RedisSignalRelay>.Instance));
        var signalsB = new NotificationSignals(new RedisSignalRelay(redisB, configuration, NullLogger<RedisSignalRelay>.Instance));
        var heardOnA = new List<string>();
        var heardOnB = new List<string>();
        var gatesChangedOnA = 0;
        signalsA.Notified += user => { lock (heardOnA) { heardOnA.Add(user); } };
        signalsB.Notified += user => { lock (heardOnB) { heardOnB.Add(user); } };
        signalsA.GatesChanged += () => Interlocked.Increment(ref gatesChangedOnA);

        signalsA.Raise(["person-1", "person-1"]);
        await WaitUntilAsync(() => Count(heardOnB) == 1);
        // B answers; once A hears that, A's own message has long come back from Redis (and was not delivered twice).
        signalsB.RaiseGatesChanged();
        await WaitUntilAsync(() => Volatile.Read(ref gatesChangedOnA) == 1);

        Assert.Equal(["person-1"], heardOnA);
        Assert.Equal(["person-1"], heardOnB);
    }

    [Fact]
    public async Task The_sign_in_limit_for_an_address_is_counted_across_instances()
    {
        var prefix = $"test-{Guid.NewGuid():N}:";
        var clock = new FixedClock(new DateTimeOffset(2026, 12, 4, 10, 0, 30, TimeSpan.Zero));
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConfiguration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConfiguration);
        using var onA = new SharedSignInLimiter(redisA, prefix, "203.0.113.7", perMinute: 3, clock);
        using var onB = new SharedSignInLimiter(redisB, prefix, "203.0.113.7", perMinute: 3, clock);
        using var otherAddress = new SharedSignInLimiter(redisB, prefix, "198.51.100.1", perMinute: 3, clock);

        var attempts = new List<bool>();
        foreach (var limiter in new[] { onA, onB, onA, onB, onA })
        {
            using var lease = await limiter.AcquireAsync();
            attempts.Add(lease.IsAcquired);
        }

        using var other = await otherAddress.AcquireAsync();
        Assert.Equal([true, true, true, false, false], attempts);
        Assert.True(other.IsAcquired);
    }

    private IConfiguration Settings() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:KeyPrefix"] = $"test-{Guid.NewGuid():N}:" })
        .Build();

    private static int Count(List<string> heard)
    {
        lock (heard)
        {
            return heard.Count;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The signal did not arrive within 30 seconds.");
            }

            await Task.Delay(50);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
