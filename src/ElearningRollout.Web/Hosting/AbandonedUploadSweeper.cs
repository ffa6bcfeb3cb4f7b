using ElearningRollout.Application.CoursePackages;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Clears the package store's <c>.incoming</c> folder of uploads a crash left behind (an upload deletes its own temporary
/// file when it is refused, abandoned or placed, but not when the process dies mid-upload). At start-up, before the app
/// takes requests: every temporary file from before the start, when this instance is the only one; with several instances
/// (<c>Redis:Configuration</c> set) a sibling's upload may be in flight, so only those untouched for
/// <see cref="AbandonedAfter"/>. Then, every <see cref="Interval"/>, those untouched for <see cref="AbandonedAfter"/>.
/// </summary>
internal sealed class AbandonedUploadSweeper(
    IOptions<CoursePackageLimits> limits, IConfiguration configuration, TimeProvider clock, ILogger<AbandonedUploadSweeper> logger)
    : BackgroundService
{
    /// <summary>An upload writes its file with every chunk it receives; one untouched this long belongs to nobody.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private readonly CoursePackageStore _store = new(limits);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Sweep(Cluster.ClusterHosting.UsesRedis(configuration) ? now - AbandonedAfter : now, "at start-up");
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Sweep(clock.GetUtcNow() - AbandonedAfter, "on the timer");
        }
    }

    private void Sweep(DateTimeOffset lastWrittenBefore, string when)
    {
        try
        {
            if (_store.RemoveAbandonedUploads(lastWrittenBefore) is > 0 and var removed)
            {
                logger.LogWarning("Removed {Count} abandoned course package uploads from the package store {When}", removed, when);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // An unreachable store (a network share down) must not stop the app; uploads will say so themselves.
            logger.LogError(failure, "The package store's abandoned uploads could not be cleared {When}; the next pass tries again", when);
        }
    }
}
