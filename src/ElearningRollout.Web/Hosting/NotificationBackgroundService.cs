using ElearningRollout.Application.Notifications;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Every minute (Notifications:ScanSeconds): finds overdue gates and conditions coming due, and e-mails
/// unsent notifications when SMTP is configured. A failing pass is logged and the next one tries again.
/// With several instances, only the one holding the work lease (Notifications:LeaseSeconds) runs the pass.
/// </summary>
internal sealed class NotificationBackgroundService(
    NotificationPass pass, IConfiguration configuration, ILogger<NotificationBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Notifications:ScanSeconds", 60)));
        // The lease outlives the interval so the holder renews it before it runs out, and leaves room for the safety
        // margin in which sending stops; a killed holder's work waits at most this long.
        var lease = TimeSpan.FromSeconds(Math.Max(
            configuration.GetValue("Notifications:LeaseSeconds", 120),
            interval.TotalSeconds * 2 + NotificationPass.SafetyMargin.TotalSeconds));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await pass.RunAsync(lease, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "The notification pass failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await pass.StopAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "The notification lease could not be released; another instance takes over when it runs out");
        }
    }
}
