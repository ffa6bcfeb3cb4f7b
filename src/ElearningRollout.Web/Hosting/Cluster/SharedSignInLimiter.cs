using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ElearningRollout.Web.Hosting.Cluster;

/// <summary>
/// The sign-in limit for one client address, counted in Redis so that an attacker spreading attempts over the
/// instances gets the same number per minute as against one: a fixed one-minute window per address (INCR on a key
/// named after the address and the minute, expiring with it). Should Redis not answer, this instance's own window
/// counts instead, so the limit never simply falls away.
/// </summary>
internal sealed class SharedSignInLimiter(IConnectionMultiplexer redis, string keyPrefix, string address, int perMinute, TimeProvider clock) : RateLimiter
{
    private readonly FixedWindowRateLimiter _local = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = perMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
        => AcquireAsyncCore(permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var key = $"{keyPrefix}sign-in:{address}:{minute}";
        try
        {
            var database = redis.GetDatabase();
            var count = await database.StringIncrementAsync(key, permitCount);
            if (count == permitCount)
            {
                await database.KeyExpireAsync(key, TimeSpan.FromMinutes(2));
            }

            return count <= perMinute ? SharedLease.Acquired : SharedLease.Refused(TimeSpan.FromSeconds(60 - (clock.GetUtcNow().ToUnixTimeSeconds() % 60)));
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            return await _local.AcquireAsync(permitCount, cancellationToken);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class SharedLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly SharedLease Acquired = new(true, null);

        public static SharedLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
