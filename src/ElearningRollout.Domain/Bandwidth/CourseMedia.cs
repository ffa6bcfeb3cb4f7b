namespace ElearningRollout.Domain.Bandwidth;

/// <summary>What a site's learners mostly load while they learn: it sets the bandwidth one learner online needs.</summary>
public enum CourseMedia
{
    /// <summary>Pages of text and images: about <see cref="BandwidthFormula.TextAndImagesMegabytesPerHour"/> MB per learner-hour.</summary>
    TextAndImages,

    /// <summary>Streamed video at the course's bit rate, for as long as the learner watches.</summary>
    Video,
}
