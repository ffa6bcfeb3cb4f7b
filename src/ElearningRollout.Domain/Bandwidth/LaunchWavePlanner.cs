using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Bandwidth;

/// <summary>Learners of one site in a launch wave.</summary>
public sealed record WaveAllocation(string Site, int Learners);

/// <summary>A launch wave before it is saved: who starts (the audience or sites), when, and how many learners of each site.</summary>
public sealed record WaveDraft(string Name, DateOnly StartsOn, IReadOnlyList<WaveAllocation> Allocations)
{
    public int Learners => Allocations.Sum(a => a.Learners);
}

/// <summary>Where in a list of waves a problem lies, so a form can place its message.</summary>
public enum WavePart
{
    /// <summary>The list as a whole (too many waves).</summary>
    Waves,

    /// <summary>A wave's name.</summary>
    Name,

    /// <summary>A wave's learners as a whole (none at all).</summary>
    Allocations,

    /// <summary>The site of one of a wave's rows.</summary>
    Site,

    /// <summary>The learners of one of a wave's rows.</summary>
    Learners,
}

/// <summary>
/// A reason <see cref="BandwidthPlan.ReplaceWaves"/> refuses waves, with where it lies: the wave and the site row
/// (their positions in the list given, from 0), null where the problem is about the list or the whole wave.
/// </summary>
public sealed record WaveProblem(int? Wave, int? Row, WavePart Part, string Message);

/// <summary>
/// Suggests launch waves that keep every site within its allowed share of the link: a site whose learners cannot all
/// start together is spread over as many waves as the busiest site needs, evenly (each wave takes the learners left
/// divided by the waves left, rounded up), so no wave is above the site's limit and every learner is in a wave.
/// </summary>
public static class LaunchWavePlanner
{
    /// <summary>More waves than this is not a launch plan: the link or the allowed share has to change.</summary>
    public const int MaxWaves = 52;

    public const int MaxDaysBetweenWaves = 365;

    public static IReadOnlyList<WaveDraft> Suggest(IReadOnlyList<SiteLoad> sites, int allowedSharePercent, DateOnly firstWaveStartsOn, int daysBetweenWaves)
    {
        if (sites.Count == 0)
        {
            throw new DomainException("Enter at least one site before asking for waves.");
        }

        if (daysBetweenWaves is < 1 or > MaxDaysBetweenWaves)
        {
            throw new DomainException($"Days between waves must be between 1 and {MaxDaysBetweenWaves}.");
        }

        var limits = sites.Select(s => (Site: s, Max: BandwidthFormula.MaxLearnersAtOnce(s, allowedSharePercent))).ToList();
        if (limits.FirstOrDefault(l => l.Max == 0 && l.Site.Learners > 0) is { Site: { } blocked })
        {
            var one = BandwidthFormula.PerLearnerMbps(blocked.Media, blocked.VideoKbps);
            throw new DomainException(
                $"At {blocked.Name} even one learner online needs {one:0.###} Mbit/s, more than the {BandwidthFormula.Allowed(blocked.LinkMbps, allowedSharePercent):0.###} Mbit/s "
                + "allowed on its link: no wave can start there. Raise the link's capacity or the allowed share.");
        }

        var waves = limits.Where(l => l.Site.Learners > 0).Select(l => (l.Site.Learners + l.Max - 1) / l.Max).DefaultIfEmpty(1).Max();
        if (waves > MaxWaves)
        {
            throw new DomainException(
                $"Keeping every site within its allowed share would take {waves} waves, more than {MaxWaves}. Raise a link's capacity or the allowed share, or plan fewer learners online at the peak.");
        }

        var left = sites.ToDictionary(s => s.Name, s => s.Learners, StringComparer.OrdinalIgnoreCase);
        var suggested = new List<WaveDraft>(waves);
        for (var wave = 0; wave < waves; wave++)
        {
            var wavesLeft = waves - wave;
            var allocations = sites
                .Select(s => new WaveAllocation(s.Name, (left[s.Name] + wavesLeft - 1) / wavesLeft))
                .ToList();
            foreach (var allocation in allocations)
            {
                left[allocation.Site] -= allocation.Learners;
            }

            suggested.Add(new WaveDraft($"Wave {wave + 1}", firstWaveStartsOn.AddDays(wave * daysBetweenWaves), allocations));
        }

        return suggested;
    }
}
