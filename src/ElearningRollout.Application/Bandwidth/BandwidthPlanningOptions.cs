namespace ElearningRollout.Application.Bandwidth;

/// <summary>Settings section <c>BandwidthPlanning</c> (README "Configuration").</summary>
public sealed class BandwidthPlanningOptions
{
    public const string Section = "BandwidthPlanning";

    /// <summary>
    /// <c>BandwidthPlanning:DefaultAllowedSharePercent</c>: the share of a site's link a new plan lets the course use at
    /// its peak (70%: the rest stays for everything else the site does on the link). Each plan can change it.
    /// </summary>
    public int DefaultAllowedSharePercent { get; set; } = 70;
}
