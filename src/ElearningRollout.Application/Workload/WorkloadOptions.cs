namespace ElearningRollout.Application.Workload;

/// <summary>How much review work IT plans for (settings section <c>Workload</c>, README "Configuration").</summary>
public sealed class WorkloadOptions
{
    public const string Section = "Workload";

    /// <summary>
    /// <c>Workload:ReviewsPerReviewerPerWeek</c>: the gate reviews one IT reviewer can take on in a full working week;
    /// a week with holidays has proportionally less. The workload page's free capacity is this times the IT reviewers,
    /// less the reviews due and the gates expected that week.
    /// </summary>
    public int ReviewsPerReviewerPerWeek { get; set; } = 3;
}
