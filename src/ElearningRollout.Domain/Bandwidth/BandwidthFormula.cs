namespace ElearningRollout.Domain.Bandwidth;

/// <summary>
/// The planner's arithmetic, in one place so the figures on screen, the over-limit flag and the launch waves agree.
/// In words: one learner online needs 5 MB an hour for text and images (5 × 8 megabits over 3,600 seconds), or the
/// video's bit rate; the peak concurrent learners are the site's learners times the share online at the peak,
/// rounded up to a whole learner; the required bandwidth is those learners times what one needs; the allowed
/// bandwidth is the link's capacity times the allowed share. Learner counts are whole numbers and shares whole
/// percentages, so the rounding is exact integer arithmetic and the wave limit is never off by one.
/// </summary>
public static class BandwidthFormula
{
    /// <summary>Text and images: about 5 MB per learner-hour (the planning figure).</summary>
    public const decimal TextAndImagesMegabytesPerHour = 5m;

    public const int MinPercent = 1;
    public const int MaxPercent = 100;

    /// <summary>Mbit/s one learner online needs.</summary>
    public static decimal PerLearnerMbps(CourseMedia media, int? videoKbps) => media switch
    {
        CourseMedia.Video => (videoKbps ?? 0) / 1000m,
        _ => TextAndImagesMegabytesPerHour * 8m / 3600m,
    };

    /// <summary>Learners online at once: learners × share online, rounded up (a part of a learner is still a learner).</summary>
    public static int PeakConcurrent(int learners, int peakOnlinePercent) =>
        (int)(((long)learners * peakOnlinePercent + 99) / 100);

    public static decimal Required(int concurrentLearners, decimal perLearnerMbps) => concurrentLearners * perLearnerMbps;

    public static decimal Allowed(decimal linkMbps, int allowedSharePercent) => linkMbps * allowedSharePercent / 100m;

    /// <summary>
    /// The most learners that can start together at a site and keep its peak within the allowed share: first the most
    /// learners online at once (found with the same multiplication <see cref="Required"/> uses, so the two never
    /// disagree by a rounding), then the most learners whose share online rounds up to no more than that.
    /// </summary>
    public static int MaxLearnersAtOnce(SiteLoad site, int allowedSharePercent)
    {
        var perLearner = PerLearnerMbps(site.Media, site.VideoKbps);
        var allowed = Allowed(site.LinkMbps, allowedSharePercent);
        if (perLearner <= 0)
        {
            return site.Learners;
        }

        var concurrent = (long)Math.Min(Math.Floor(allowed / perLearner), int.MaxValue);
        while (concurrent > 0 && Required((int)concurrent, perLearner) > allowed)
        {
            concurrent--;
        }

        while (concurrent < int.MaxValue && Required((int)concurrent + 1, perLearner) <= allowed)
        {
            concurrent++;
        }

        // ceil(n × p / 100) ≤ c exactly when n × p ≤ 100 × c, for whole n.
        return (int)Math.Min(concurrent * 100 / site.PeakOnlinePercent, SiteLoad.MaxLearners);
    }

    public static SiteFigures Figures(SiteLoad site, int allowedSharePercent)
    {
        var perLearner = PerLearnerMbps(site.Media, site.VideoKbps);
        var concurrent = PeakConcurrent(site.Learners, site.PeakOnlinePercent);
        return new SiteFigures(site, perLearner, concurrent, Required(concurrent, perLearner), Allowed(site.LinkMbps, allowedSharePercent),
            MaxLearnersAtOnce(site, allowedSharePercent));
    }

    /// <summary>The required bandwidth when <paramref name="learners"/> of the site start together.</summary>
    public static decimal RequiredFor(SiteLoad site, int learners) =>
        Required(PeakConcurrent(learners, site.PeakOnlinePercent), PerLearnerMbps(site.Media, site.VideoKbps));
}
