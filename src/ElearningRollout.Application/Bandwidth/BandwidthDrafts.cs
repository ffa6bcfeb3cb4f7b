using ElearningRollout.Domain.Bandwidth;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>The planner's form: the allowed share of each link and the sites.</summary>
public sealed class BandwidthPlanDraft
{
    public int? AllowedSharePercent { get; set; }

    public List<BandwidthSiteDraft> Sites { get; set; } = [];

    internal IReadOnlyList<SiteLoad> Loads() => Sites.Select(s => s.Load()).ToList();
}

/// <summary>One site row of the planner's form (numbers nullable: an emptied field is "not given", with its own message).</summary>
public sealed class BandwidthSiteDraft
{
    public string Name { get; set; } = "";

    public int? Learners { get; set; }

    /// <summary>Share of the site's learners online at the peak hour, in percent.</summary>
    public int? PeakOnlinePercent { get; set; }

    /// <summary>The site's link capacity in Mbit/s.</summary>
    public decimal? LinkMbps { get; set; }

    public CourseMedia Media { get; set; } = CourseMedia.TextAndImages;

    /// <summary>The video's bit rate in kbit/s, when the media is video.</summary>
    public int? VideoKbps { get; set; }

    internal SiteLoad Load() => new(Name?.Trim() ?? "", Learners ?? 0, PeakOnlinePercent ?? 0, LinkMbps ?? 0, Media, Media == CourseMedia.Video ? VideoKbps : null);
}

/// <summary>When the suggested launch waves start and how far apart.</summary>
public sealed class WaveSuggestionDraft
{
    public DateOnly? FirstWaveStartsOn { get; set; }

    public int? DaysBetweenWaves { get; set; } = 7;
}

/// <summary>
/// One launch wave as the form holds it: its name (the audience or sites), its start day, and its learners per site,
/// from the suggestion or typed by hand. Its rows keep the order they were entered in: the plan's refusals name a row by position.
/// </summary>
public sealed class LaunchWaveDraft
{
    public string Name { get; set; } = "";

    public DateOnly? StartsOn { get; set; }

    public List<WaveSiteDraft> Allocations { get; set; } = [];

    /// <summary>The learners the wave starts as typed so far (an empty row counts none).</summary>
    public int Learners => Allocations.Sum(a => a.Learners ?? 0);

    public static LaunchWaveDraft From(WaveDraft wave) => new()
    {
        Name = wave.Name,
        StartsOn = wave.StartsOn,
        // A site the suggestion leaves out of a wave (all its learners are in earlier ones) gets no row.
        Allocations = wave.Allocations.Where(a => a.Learners > 0).Select(WaveSiteDraft.From).ToList(),
    };

    /// <summary>A saved wave, to change by hand.</summary>
    public static LaunchWaveDraft From(LaunchWaveRow wave) => new()
    {
        Name = wave.Name,
        StartsOn = wave.StartsOn,
        Allocations = wave.Allocations.Select(WaveSiteDraft.From).ToList(),
    };

    internal WaveDraft ToWave() => new(Name?.Trim() ?? "", StartsOn ?? default, Allocations.Select(a => a.ToAllocation()).ToList());
}

/// <summary>One site row of a wave: a site of the plan (picked from its sites) and how many of its learners the wave starts.</summary>
public sealed class WaveSiteDraft
{
    public string? Site { get; set; }

    public int? Learners { get; set; }

    public static WaveSiteDraft From(WaveAllocation allocation) => new() { Site = allocation.Site, Learners = allocation.Learners };

    internal WaveAllocation ToAllocation() => new(Site?.Trim() ?? "", Learners ?? 0);
}

/// <summary>The launch waves form: every wave the go-live is planned in.</summary>
public sealed class LaunchWavesDraft
{
    public List<LaunchWaveDraft> Waves { get; set; } = [];

    internal IReadOnlyList<WaveDraft> ToWaves() => Waves.Select(w => w.ToWave()).ToList();
}
