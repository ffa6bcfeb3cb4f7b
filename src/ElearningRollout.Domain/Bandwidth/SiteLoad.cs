namespace ElearningRollout.Domain.Bandwidth;

/// <summary>
/// The inputs of one site for the bandwidth planner: how many learners it has, the share of them online at the peak
/// hour, the capacity of its link, and the course media its learners load.
/// </summary>
/// <param name="VideoKbps">The video's bit rate in kbit/s; only read when <paramref name="Media"/> is video.</param>
public sealed record SiteLoad(string Name, int Learners, int PeakOnlinePercent, decimal LinkMbps, CourseMedia Media, int? VideoKbps)
{
    public const int MaxNameLength = 100;
    public const int MaxLearners = 1_000_000;
    public const decimal MaxLinkMbps = 1_000_000m;
    public const int MaxVideoKbps = 100_000;
}

/// <summary>
/// The planner's figures for one site, every one of them from <see cref="BandwidthFormula"/>.
/// </summary>
/// <param name="PerLearnerMbps">What one learner online needs.</param>
/// <param name="PeakConcurrentLearners">Learners online at once at the peak: learners × share online, rounded up.</param>
/// <param name="RequiredMbps">Peak concurrent learners × what one learner needs.</param>
/// <param name="AllowedMbps">The share of the link the course may use.</param>
/// <param name="MaxLearnersAtOnce">The most learners one launch wave can start at this site and stay within the allowed share.</param>
public sealed record SiteFigures(
    SiteLoad Site,
    decimal PerLearnerMbps,
    int PeakConcurrentLearners,
    decimal RequiredMbps,
    decimal AllowedMbps,
    int MaxLearnersAtOnce)
{
    /// <summary>True when the site's peak needs more than the allowed share of its link.</summary>
    public bool OverLimit => RequiredMbps > AllowedMbps;

    /// <summary>The required bandwidth as a percentage of the whole link (may be above 100).</summary>
    public decimal ShareOfLinkPercent => Site.LinkMbps == 0 ? 0 : RequiredMbps * 100m / Site.LinkMbps;
}
