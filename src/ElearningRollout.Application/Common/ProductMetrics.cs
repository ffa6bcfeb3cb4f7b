using System.Diagnostics.Metrics;

namespace ElearningRollout.Application.Common;

/// <summary>
/// The product's own meter, "ElearningRollout" (docs/operations.md, "Telemetry"). The instruments cost next to nothing
/// while nobody listens; the web host exports them over OTLP when an endpoint is configured.
/// </summary>
public static class ProductMetrics
{
    public const string MeterName = "ElearningRollout";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Gate decisions stored (approvals, approvals with conditions, rejections, waivers), tagged gate.kind and gate.decision.</summary>
    public static readonly Counter<long> GateDecisions = Meter.CreateCounter<long>(
        "elearningrollout.gate.decisions", "{decision}", "Clearance gate decisions stored, by gate kind and decision.");

    /// <summary>In-app notifications stored for their recipients (the e-mail follows separately), tagged notification.kind.</summary>
    public static readonly Counter<long> NotificationsSent = Meter.CreateCounter<long>(
        "elearningrollout.notifications.sent", "{notification}", "Notifications stored for their recipients, by kind.");

    /// <summary>Passes of the notification mailer that failed (SMTP unreachable, refused, TLS); the unsent notices are retried.</summary>
    public static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>(
        "elearningrollout.email.failures", "{failure}", "Notification e-mail passes that failed and will be retried.");

    public static void GateDecided(string gateKind, string decision)
        => GateDecisions.Add(1, new KeyValuePair<string, object?>("gate.kind", gateKind), new KeyValuePair<string, object?>("gate.decision", decision));
}
