namespace ElearningRollout.Application.Gates.ReviewLinks;

/// <summary>Settings section <c>ReviewLinks</c> (README "Configuration").</summary>
public sealed class ReviewLinkOptions
{
    public const string Section = "ReviewLinks";

    /// <summary><c>ReviewLinks:ValidHours</c>: how long a review request's link works after the e-mail is sent (72 hours).</summary>
    public int ValidHours { get; set; } = 72;
}
