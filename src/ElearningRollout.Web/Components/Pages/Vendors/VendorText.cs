using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Web.Components.Pages.Rollouts;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Vendors;

/// <summary>The words and colours of vendors and engagements, so every screen says the same thing the same way.</summary>
public static class VendorText
{
    public static Color ColorOf(CertificationStanding standing) => standing switch
    {
        CertificationStanding.Expired => Color.Error,
        CertificationStanding.ExpiringSoon => Color.Warning,
        _ => Color.Success,
    };

    public static string IconOf(CertificationStanding standing) => standing switch
    {
        CertificationStanding.Expired => Icons.Material.Filled.GppBad,
        CertificationStanding.ExpiringSoon => Icons.Material.Filled.GppMaybe,
        _ => Icons.Material.Filled.GppGood,
    };

    /// <summary>"SOC 2 Type II expires 2 Jan 2027 (expiring soon)".</summary>
    public static string Describe(CertificationKind kind, DateOnly expiresOn, CertificationStanding standing) =>
        standing == CertificationStanding.Expired
            ? $"{kind.DisplayName()} expired {RolloutText.Date(expiresOn)}"
            : $"{kind.DisplayName()} expires {RolloutText.Date(expiresOn)}{(standing == CertificationStanding.ExpiringSoon ? " (expiring soon)" : "")}";

    public static string Describe(CertificationAlert alert) => $"{alert.VendorName}: {Describe(alert.Kind, alert.ExpiresOn, alert.Standing)}";

    public static Color ColorOf(EngagementStatus status) => status switch
    {
        EngagementStatus.Active => Color.Success,
        EngagementStatus.Contracted => Color.Info,
        EngagementStatus.Completed => Color.Primary,
        EngagementStatus.Terminated => Color.Error,
        _ => Color.Default,
    };

    public static Color ColorOf(DeliverableState state) => state switch
    {
        DeliverableState.SignedOff => Color.Success,
        DeliverableState.Submitted => Color.Info,
        DeliverableState.Rejected => Color.Error,
        _ => Color.Default,
    };

    /// <summary>The button that moves an engagement to <paramref name="status"/>.</summary>
    public static string MoveText(EngagementStatus status) => status switch
    {
        EngagementStatus.Evaluating => "Start evaluating",
        EngagementStatus.Contracted => "Mark contracted",
        EngagementStatus.Active => "Mark active",
        EngagementStatus.Completed => "Mark completed",
        EngagementStatus.Terminated => "Terminate",
        _ => status.ToString(),
    };

    public static string Money(decimal? amount, string? currency) =>
        amount is { } value ? $"{value.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture)} {currency}" : "Not agreed yet";

    public static string Sla(decimal? uptime, int? p1Hours) =>
        uptime is null && p1Hours is null
            ? "No SLA yet"
            : $"{(uptime is { } u ? $"{u.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}% uptime" : "uptime not set")}, "
              + $"{(p1Hours is { } h ? $"P1 response within {h} h" : "P1 response not set")}";
}
