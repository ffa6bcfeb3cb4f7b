using ElearningRollout.Application.Cluster;

namespace ElearningRollout.Application.Notifications;

/// <summary>
/// One pass of the notification work: the overdue and due-soon scan, then the e-mails. With several instances over
/// one database only the holder of the "notification-pass" lease runs it, so each notice is found and mailed once;
/// the holder renews the lease on every pass, and when it dies another instance takes over once the lease ran out.
/// </summary>
public sealed class NotificationPass(WorkLeases leases, OverdueScanner scanner, NotificationMailer mailer)
{
    public const string LeaseName = "notification-pass";

    /// <summary>Sending stops this long before the lease ends, so a slow last e-mail still finishes inside it.</summary>
    public static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(15);

    /// <summary>Runs the pass if this instance holds (or gets) the lease; false when another instance holds it.</summary>
    public async Task<bool> RunAsync(TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var lease = await leases.TryClaimAsync(LeaseName, leaseDuration, cancellationToken);
        if (lease is null)
        {
            return false;
        }

        await scanner.ScanAsync(cancellationToken);
        await mailer.SendPendingAsync(lease.Until - SafetyMargin, cancellationToken);
        return true;
    }

    /// <summary>On a clean shutdown: another instance takes the work over at its next pass.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => leases.ReleaseAsync(LeaseName, cancellationToken);
}
