using ElearningRollout.Application.Risks;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Rollouts;

/// <summary>The words and colours the rollout screens use for domain values, kept in one place so every screen says the same.</summary>
public static class RolloutText
{
    public static string Name(this LifecycleStatus status) => status switch
    {
        LifecycleStatus.OnHold => "On hold",
        _ => status.ToString(),
    };

    public static Color ColorOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Active => Color.Primary,
        LifecycleStatus.OnHold => Color.Warning,
        LifecycleStatus.Live => Color.Success,
        LifecycleStatus.Cancelled => Color.Error,
        _ => Color.Default,
    };

    public static string Name(this RolloutHealth health) => health switch
    {
        RolloutHealth.OnTrack => "On track",
        RolloutHealth.AtRisk => "At risk",
        RolloutHealth.OffTrack => "Off track",
        _ => health.ToString(),
    };

    public static Color ColorOf(RolloutHealth health) => health switch
    {
        RolloutHealth.OnTrack => Color.Success,
        RolloutHealth.AtRisk => Color.Warning,
        _ => Color.Error,
    };

    public static string Name(this ItInvolvementProfile profile) => $"{profile} IT involvement";

    public static string Name(this HostingModel hosting) => hosting switch
    {
        HostingModel.ItHostedOnPremises => "IT-hosted on premises",
        HostingModel.VendorHostedSaas => "Vendor-hosted (SaaS)",
        _ => "Hybrid",
    };

    public static string Name(this ContentSource source) => source switch
    {
        ContentSource.InHouse => "In-house",
        _ => source.ToString(),
    };

    public static readonly IReadOnlyList<(Audiences Flag, string Name)> AudienceOptions =
        [(Audiences.Employees, "Employees"), (Audiences.Dealers, "Dealers"), (Audiences.Customers, "Customers"), (Audiences.Partners, "Partners")];

    public static readonly IReadOnlyList<(AccessChannels Flag, string Name)> ChannelOptions =
    [
        (AccessChannels.OfficeNetwork, "Office network"), (AccessChannels.RemoteVpn, "Remote (VPN)"),
        (AccessChannels.PublicInternet, "Public internet"), (AccessChannels.MobileByod, "Mobile / own device (BYOD)"),
    ];

    public static readonly IReadOnlyList<(Integrations Flag, string Name)> IntegrationOptions =
    [
        (Integrations.Sso, "Single sign-on (SSO)"), (Integrations.HrisFeed, "HRIS feed"), (Integrations.Sap, "SAP"),
        (Integrations.OtherErpCrm, "Other ERP or CRM"), (Integrations.VideoPlatform, "Video platform"),
    ];

    /// <summary>The names of the flags set, or "None".</summary>
    public static string Names<TFlags>(TFlags value, IReadOnlyList<(TFlags Flag, string Name)> options)
        where TFlags : struct, Enum
    {
        var names = options.Where(o => value.HasFlag(o.Flag)).Select(o => o.Name).ToList();
        return names.Count == 0 ? "None" : string.Join(", ", names);
    }

    public static string Name(this PhaseStatus status) => status switch
    {
        PhaseStatus.NotStarted => "Not started",
        PhaseStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Name(this GateState state) => state switch
    {
        GateState.InReview => "In review",
        GateState.ApprovedWithConditions => "Approved with conditions",
        _ => state.ToString(),
    };

    public static Color ColorOf(GateState state) => state switch
    {
        GateState.Approved or GateState.ApprovedWithConditions => Color.Success,
        GateState.Rejected => Color.Error,
        GateState.Submitted or GateState.InReview => Color.Info,
        GateState.Waived => Color.Warning,
        _ => Color.Default,
    };

    public static string Name(this RiskLikelihood likelihood) => likelihood == RiskLikelihood.AlmostCertain ? "Almost certain" : likelihood.ToString();

    public static Color ColorOf(RiskSeverity severity) => severity switch
    {
        RiskSeverity.Critical => Color.Error,
        RiskSeverity.High => Color.Warning,
        _ => Color.Default,
    };

    public static string Name(this RiskAction action) => action switch
    {
        RiskAction.StartMitigating => "Start mitigating",
        _ => action.ToString(),
    };

    /// <summary>The address of a rollout's page, its code escaped.</summary>
    public static string Href(string code) => $"/rollouts/{Uri.EscapeDataString(code)}";

    public static string Date(DateOnly? date) => Application.Common.DisplayFormat.Day(date);

    /// <summary>An optional text as the facts tables show it: a dash when it was left empty, as every empty fact.</summary>
    public static string OrDash(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    /// <summary>Learners and their peak at once, with thousands separators as the Costs tab writes them.</summary>
    public static string Learners(int estimated, int peak)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{estimated:N0} ({peak:N0})");

    public static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
