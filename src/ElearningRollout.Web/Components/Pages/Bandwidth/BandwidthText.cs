using System.Globalization;
using ElearningRollout.Domain.Bandwidth;

namespace ElearningRollout.Web.Components.Pages.Bandwidth;

/// <summary>How the planner's figures read on screen: megabits with up to two decimals, learners whole, the formula in words.</summary>
internal static class BandwidthText
{
    public static string Mbps(decimal value) => $"{value.ToString(value < 1 ? "0.###" : "#,0.##", CultureInfo.InvariantCulture)} Mbit/s";

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Media(SiteLoad site) => site.Media == CourseMedia.Video
        ? $"video at {Count(site.VideoKbps ?? 0)} kbit/s"
        : $"text and images ({BandwidthFormula.TextAndImagesMegabytesPerHour:0} MB per learner-hour)";

    public static string MediaName(CourseMedia media) => media == CourseMedia.Video ? "Video" : "Text and images";

    /// <summary>The site's sum in words: each step of <see cref="BandwidthFormula"/> with this site's numbers.</summary>
    public static string Worked(SiteFigures f, int allowedSharePercent) =>
        $"{Count(f.Site.Learners)} learners × {f.Site.PeakOnlinePercent}% online at the peak = {Count(f.PeakConcurrentLearners)} at once (rounded up). "
        + $"Each needs {Mbps(f.PerLearnerMbps)} ({Media(f.Site)}), so {Count(f.PeakConcurrentLearners)} × {Mbps(f.PerLearnerMbps)} = {Mbps(f.RequiredMbps)}. "
        + $"Allowed: {allowedSharePercent}% of {Mbps(f.Site.LinkMbps)} = {Mbps(f.AllowedMbps)}. "
        + (f.OverLimit
            ? $"Above the allowed share: at most {Count(f.MaxLearnersAtOnce)} of its learners can start together, so plan launch waves."
            : "Within the allowed share.");
}
