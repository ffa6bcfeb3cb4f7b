using ElearningRollout.Application.Notifications;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Every minute (Notifications:ScanSeconds): finds overdue gates and conditions coming due, and e-mails
/// unsent notifications when SMTP is configured. A failing pass is logged and the next one tries again.
/// </summary>
internal sealed class NotificationBackgroundService(
    OverdueScanner scanner, NotificationMailer mailer, IConfiguration configuration, ILogger<NotificationBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Notifications:ScanSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await scanner.ScanAsync(stoppingToken);
                await mailer.SendPendingAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "The notification pass failed; the next pass tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
