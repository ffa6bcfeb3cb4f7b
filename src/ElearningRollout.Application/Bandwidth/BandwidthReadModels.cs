using ElearningRollout.Domain.Bandwidth;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>
/// The bandwidth planner as the Infrastructure and network gate shows it: the saved plan (null before anyone saved
/// one), whether the reader may change it and why not, and the allowed share a new plan starts with.
/// </summary>
public sealed record BandwidthGateView(string RolloutCode, BandwidthPlanView? Plan, bool CanEdit, string? EditRefusal, int DefaultAllowedSharePercent);

/// <summary>A saved plan: its inputs, each site's figures computed from them, its launch waves and what no longer fits.</summary>
public sealed record BandwidthPlanView(
    Guid Id,
    Guid Version,
    int AllowedSharePercent,
    string SavedBy,
    DateTimeOffset SavedAt,
    IReadOnlyList<SiteFigures> Sites,
    IReadOnlyList<LaunchWaveRow> Waves,
    IReadOnlyList<string> WaveFindings)
{
    public bool AnyOverLimit => Sites.Any(s => s.OverLimit);

    /// <summary>The plan's inputs as the form edits them.</summary>
    public BandwidthPlanDraft ToDraft() => new()
    {
        AllowedSharePercent = AllowedSharePercent,
        Sites = Sites.Select(s => new BandwidthSiteDraft
        {
            Name = s.Site.Name, Learners = s.Site.Learners, PeakOnlinePercent = s.Site.PeakOnlinePercent, LinkMbps = s.Site.LinkMbps,
            Media = s.Site.Media, VideoKbps = s.Site.VideoKbps,
        }).ToList(),
    };
}

/// <summary>A launch wave of a rollout's go-live: for the Phases tab, the dashboard's go-lives and calendars.</summary>
public sealed record LaunchWaveRow(string RolloutCode, string RolloutTitle, string Name, DateOnly StartsOn, int Learners, IReadOnlyList<WaveAllocation> Allocations);
