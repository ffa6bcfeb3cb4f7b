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

/// <summary>One launch wave as the form holds it: its name and start day are typed; its learners per site come from the suggestion.</summary>
public sealed class LaunchWaveDraft
{
    public string Name { get; set; } = "";

    public DateOnly? StartsOn { get; set; }

    public List<WaveAllocation> Allocations { get; set; } = [];

    public int Learners => Allocations.Sum(a => a.Learners);

    public static LaunchWaveDraft From(WaveDraft wave) => new() { Name = wave.Name, StartsOn = wave.StartsOn, Allocations = wave.Allocations.ToList() };

    internal WaveDraft ToWave() => new(Name?.Trim() ?? "", StartsOn ?? default, Allocations);
}

/// <summary>The launch waves form: every wave the go-live is planned in.</summary>
public sealed class LaunchWavesDraft
{
    public List<LaunchWaveDraft> Waves { get; set; } = [];
}
