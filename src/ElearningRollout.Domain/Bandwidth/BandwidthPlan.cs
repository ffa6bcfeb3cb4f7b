using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Bandwidth;

/// <summary>
/// A rollout's bandwidth and concurrency plan (one per rollout): the sites with their learners, peak share online, link
/// capacity and course media, the share of each link the course may use, and the launch waves the go-live is planned
/// in. It is the evidence the Infrastructure and network gate reads: the figures are always computed from the saved
/// inputs (<see cref="BandwidthFormula"/>), never stored, so the evidence cannot disagree with its inputs. Its own
/// aggregate, so IT editing the plan never conflicts with a decision on the gate; two people saving it conflict.
/// </summary>
[AddedPartsMoveVersion("Launch waves are added on their own (the first waves saved on a plan change no other row of it): without this, a second person saving waves against the older version would replace the first person's waves unseen.")]
public sealed class BandwidthPlan : IAggregateRoot, IBelongsToRollout
{
    public const int MaxSites = 50;
    public const int MaxWaveNameLength = 100;

    private readonly List<BandwidthSite> _sites = [];
    private readonly List<LaunchWave> _waves = [];

    public BandwidthPlan(Guid rolloutId, int allowedSharePercent, IReadOnlyList<SiteLoad> sites, string savedById, DateTimeOffset savedAt)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        Version = Guid.NewGuid();
        ReplaceInputs(allowedSharePercent, sites, savedById, savedAt);
    }

    // For EF Core.
    private BandwidthPlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The share of each site's link (in percent) the course may use at its peak; the rest is left for everything else on the link.</summary>
    public int AllowedSharePercent { get; private set; }

    public string SavedById { get; private set; } = "";

    public DateTimeOffset SavedAt { get; private set; }

    public IReadOnlyList<BandwidthSite> Sites => _sites.OrderBy(s => s.Position).ToList();

    public IReadOnlyList<LaunchWave> Waves => _waves.OrderBy(w => w.StartsOn).ThenBy(w => w.Position).ToList();

    public void Touch() => Version = Guid.NewGuid();

    public IReadOnlyList<SiteLoad> Loads => Sites.Select(s => s.Load).ToList();

    /// <summary>Each site's figures, in the order the sites were entered.</summary>
    public IReadOnlyList<SiteFigures> Figures() => Loads.Select(s => BandwidthFormula.Figures(s, AllowedSharePercent)).ToList();

    /// <summary>
    /// Replaces the sites and the allowed share. Saved waves stay as they were planned: if they no longer fit the new
    /// inputs, <see cref="WaveFindings"/> says so, and nothing anyone planned disappears without them seeing it.
    /// </summary>
    public void ReplaceInputs(int allowedSharePercent, IReadOnlyList<SiteLoad> sites, string savedById, DateTimeOffset savedAt)
    {
        EnsureValid(allowedSharePercent, sites);
        AllowedSharePercent = allowedSharePercent;
        _sites.Clear();
        _sites.AddRange(sites.Select((s, i) => new BandwidthSite(i, s)));
        SavedById = Require.UserId(savedById, "The person saving the plan");
        SavedAt = savedAt;
    }

    /// <summary>Waves for the saved sites that keep each one within its allowed share (see <see cref="LaunchWavePlanner"/>).</summary>
    public IReadOnlyList<WaveDraft> SuggestWaves(DateOnly firstWaveStartsOn, int daysBetweenWaves) =>
        LaunchWavePlanner.Suggest(Loads, AllowedSharePercent, firstWaveStartsOn, daysBetweenWaves);

    /// <summary>
    /// Replaces the launch waves. Refused when <see cref="WaveProblems"/> finds anything: a wave names a site the plan
    /// does not have or a site twice, starts more learners at a site than its allowed share carries (alone, or with
    /// the other waves starting there the same day), or the waves together take more learners from a site than it has.
    /// An empty list clears the waves.
    /// </summary>
    public void ReplaceWaves(IReadOnlyList<WaveDraft> waves)
    {
        if (WhyNotWaves(waves) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        _waves.Clear();
        _waves.AddRange(waves.Select((w, i) => new LaunchWave(i, w.Name.Trim(), w.StartsOn,
            w.Allocations.Where(a => a.Learners > 0).Select(a => new WaveAllocation(SiteNamed(a.Site)!.Name, a.Learners)).ToList())));
    }

    /// <summary>Why <see cref="ReplaceWaves"/> would refuse these waves (the first problem); null when it would take them.</summary>
    public string? WhyNotWaves(IReadOnlyList<WaveDraft> waves) => WaveProblems(waves).FirstOrDefault()?.Message;

    /// <summary>
    /// Everything <see cref="ReplaceWaves"/> refuses in these waves, each placed where a person fixes it: the list of
    /// waves, a wave's name or learners, or one site row of a wave (by position as given), so a form can show each
    /// message beside its field. Empty when the waves would be taken.
    /// </summary>
    public IReadOnlyList<WaveProblem> WaveProblems(IReadOnlyList<WaveDraft> waves)
    {
        var problems = new List<WaveProblem>();
        if (waves.Count > LaunchWavePlanner.MaxWaves)
        {
            problems.Add(new WaveProblem(null, null, WavePart.Waves, $"Plan at most {LaunchWavePlanner.MaxWaves} waves."));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var w = 0; w < waves.Count; w++)
        {
            var wave = waves[w];
            var name = wave.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                problems.Add(new WaveProblem(w, null, WavePart.Name, "Every wave needs a name (its audience or sites)."));
                name = $"Wave {w + 1}";
            }
            else if (name.Length > MaxWaveNameLength)
            {
                problems.Add(new WaveProblem(w, null, WavePart.Name, $"Keep wave names to {MaxWaveNameLength} characters."));
            }
            else if (!names.Add(name))
            {
                problems.Add(new WaveProblem(w, null, WavePart.Name, $"Two waves are called \"{name}\": give each its own name."));
            }

            var sitesOfWave = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var r = 0; r < wave.Allocations.Count; r++)
            {
                var allocation = wave.Allocations[r];
                if (SiteNamed(allocation.Site) is not { } site)
                {
                    problems.Add(new WaveProblem(w, r, WavePart.Site, $"Wave \"{name}\" names the site \"{allocation.Site}\", which is not in the plan."));
                    continue;
                }

                // Two rows of one site in one wave start together: each within the limit, both together need not be.
                if (!sitesOfWave.Add(site.Name))
                {
                    problems.Add(new WaveProblem(w, r, WavePart.Site, $"Wave \"{name}\" lists {site.Name} twice: give the site one row with all its learners in this wave."));
                    continue;
                }

                if (allocation.Learners < 0)
                {
                    problems.Add(new WaveProblem(w, r, WavePart.Learners, $"Wave \"{name}\" has a negative number of learners at {site.Name}."));
                }
                else if (TooMany(site.Load, allocation.Learners) is { } over)
                {
                    problems.Add(new WaveProblem(w, r, WavePart.Learners, $"Wave \"{name}\" starts {over}"));
                }
            }

            if (wave.Learners == 0)
            {
                problems.Add(new WaveProblem(w, null, WavePart.Allocations, $"Wave \"{name}\" has no learners."));
            }
        }

        problems.AddRange(SameDayProblems(waves, problems).ToList());
        problems.AddRange(BeyondSiteProblems(waves));
        return problems;
    }

    /// <summary>
    /// Waves that start the same day start together: at each site, their learners together must stay within its limit.
    /// The row that takes the day over the limit carries the message (one already over on its own has its message).
    /// </summary>
    private IEnumerable<WaveProblem> SameDayProblems(IReadOnlyList<WaveDraft> waves, IReadOnlyList<WaveProblem> found)
    {
        var rows = waves.SelectMany((wave, w) => wave.Allocations.Select((a, r) => (Wave: w, Row: r, Day: wave.StartsOn, a.Learners, Site: SiteNamed(a.Site))))
            .Where(x => x.Site is not null && x.Learners > 0 && !found.Any(p => p.Wave == x.Wave && p.Row == x.Row));
        foreach (var group in rows.GroupBy(x => (x.Day, x.Site!.Name)))
        {
            var together = 0L;
            var earlier = new List<int>();
            foreach (var row in group.OrderBy(x => x.Wave))
            {
                together += row.Learners;
                if (earlier.Count > 0 && TooMany(row.Site!.Load, (int)Math.Min(together, int.MaxValue)) is { } over)
                {
                    var others = string.Join(", ", earlier.Distinct().Select(w => $"\"{waves[w].Name?.Trim()}\""));
                    yield return new WaveProblem(row.Wave, row.Row, WavePart.Learners,
                        $"Wave \"{waves[row.Wave].Name?.Trim()}\" starts the same day ({row.Day:yyyy-MM-dd}) as {others}: together they start {over}");
                    break;
                }

                earlier.Add(row.Wave);
            }
        }
    }

    /// <summary>
    /// All waves together take no more learners from a site than it has. Counted in the order the waves start, the row
    /// that goes beyond the site's learners carries the message.
    /// </summary>
    private IEnumerable<WaveProblem> BeyondSiteProblems(IReadOnlyList<WaveDraft> waves)
    {
        foreach (var site in Sites)
        {
            var rows = waves.SelectMany((wave, w) => wave.Allocations.Select((a, r) => (Wave: w, Row: r, wave.StartsOn, a.Site, a.Learners)))
                .Where(x => Same(x.Site, site.Name) && x.Learners > 0)
                .OrderBy(x => x.StartsOn).ThenBy(x => x.Wave)
                .ToList();
            var planned = rows.Sum(x => (long)x.Learners);
            if (planned <= site.Learners)
            {
                continue;
            }

            var running = 0L;
            foreach (var row in rows)
            {
                running += row.Learners;
                if (running > site.Learners)
                {
                    yield return new WaveProblem(row.Wave, row.Row, WavePart.Learners,
                        $"The waves start {planned:N0} learners at {site.Name}, which has {site.Learners:N0}: from wave \"{waves[row.Wave].Name?.Trim()}\" on they go beyond them; plan {planned - site.Learners:N0} fewer there.");
                    break;
                }
            }
        }
    }

    /// <summary>
    /// What is wrong with the saved waves against the sites as they are now (sites changed after the waves were
    /// planned): a wave over a site's limit, a site no longer in the plan, learners in no wave. Empty when they fit.
    /// </summary>
    public IReadOnlyList<string> WaveFindings()
    {
        if (_waves.Count == 0)
        {
            return [];
        }

        var findings = new List<string>();
        foreach (var wave in Waves)
        {
            foreach (var allocation in wave.Allocations)
            {
                if (SiteNamed(allocation.Site) is not { } site)
                {
                    findings.Add($"{wave.Name} starts learners at {allocation.Site}, which is no longer in the plan.");
                }
                else if (TooMany(site.Load, allocation.Learners) is { } over)
                {
                    findings.Add($"{wave.Name} starts {over}");
                }
            }
        }

        foreach (var site in Sites)
        {
            var planned = _waves.SelectMany(w => w.Allocations).Where(a => Same(a.Site, site.Name)).Sum(a => (long)a.Learners);
            if (planned < site.Learners)
            {
                findings.Add($"{site.Learners - planned:N0} of the {site.Learners:N0} learners at {site.Name} are in no wave.");
            }
            else if (planned > site.Learners)
            {
                findings.Add($"The waves start {planned:N0} learners at {site.Name}, which now has {site.Learners:N0}.");
            }
        }

        return findings;
    }

    private string? TooMany(SiteLoad site, int learners)
    {
        var required = BandwidthFormula.RequiredFor(site, learners);
        var allowed = BandwidthFormula.Allowed(site.LinkMbps, AllowedSharePercent);
        return required > allowed
            ? $"{learners:N0} learners at {site.Name}: {required:0.##} Mbit/s at the peak, above the {allowed:0.##} Mbit/s allowed "
              + $"({AllowedSharePercent}% of its link). At most {BandwidthFormula.MaxLearnersAtOnce(site, AllowedSharePercent):N0} learners can start there together."
            : null;
    }

    private BandwidthSite? SiteNamed(string? name) => _sites.FirstOrDefault(s => Same(s.Name, name));

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>The domain's own guard on the inputs; the form's validator shows the same rules beside the fields.</summary>
    private static void EnsureValid(int allowedSharePercent, IReadOnlyList<SiteLoad> sites)
    {
        if (allowedSharePercent is < BandwidthFormula.MinPercent or > BandwidthFormula.MaxPercent)
        {
            throw new DomainException("The allowed share of the link must be between 1% and 100%.");
        }

        if (sites.Count == 0)
        {
            throw new DomainException("Enter at least one site.");
        }

        if (sites.Count > MaxSites)
        {
            throw new DomainException($"A plan holds at most {MaxSites} sites.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in sites)
        {
            var name = Require.Text(site.Name, "The site's name", SiteLoad.MaxNameLength);
            if (!names.Add(name))
            {
                throw new DomainException($"Two sites are called \"{name}\": give each its own name.");
            }

            if (site.Learners is < 1 or > SiteLoad.MaxLearners)
            {
                throw new DomainException($"{name}: learners must be between 1 and {SiteLoad.MaxLearners:N0}.");
            }

            if (site.PeakOnlinePercent is < BandwidthFormula.MinPercent or > BandwidthFormula.MaxPercent)
            {
                throw new DomainException($"{name}: the share online at the peak must be between 1% and 100%.");
            }

            if (site.LinkMbps is <= 0 or > SiteLoad.MaxLinkMbps)
            {
                throw new DomainException($"{name}: the link's capacity must be above 0 and at most {SiteLoad.MaxLinkMbps:N0} Mbit/s.");
            }

            if (!Enum.IsDefined(site.Media))
            {
                throw new DomainException($"{name}: choose the course media.");
            }

            if (site.Media == CourseMedia.Video && site.VideoKbps is not (>= 1 and <= SiteLoad.MaxVideoKbps))
            {
                throw new DomainException($"{name}: the video's bit rate must be between 1 and {SiteLoad.MaxVideoKbps:N0} kbit/s.");
            }
        }
    }
}

/// <summary>A site of a bandwidth plan, as entered.</summary>
public sealed class BandwidthSite
{
    internal BandwidthSite(int position, SiteLoad load)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        Name = load.Name.Trim();
        Learners = load.Learners;
        PeakOnlinePercent = load.PeakOnlinePercent;
        LinkMbps = load.LinkMbps;
        Media = load.Media;
        VideoKbps = load.Media == CourseMedia.Video ? load.VideoKbps : null;
    }

    // For EF Core.
    private BandwidthSite()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    public int Learners { get; private set; }

    public int PeakOnlinePercent { get; private set; }

    public decimal LinkMbps { get; private set; }

    public CourseMedia Media { get; private set; }

    public int? VideoKbps { get; private set; }

    public SiteLoad Load => new(Name, Learners, PeakOnlinePercent, LinkMbps, Media, VideoKbps);
}

/// <summary>A launch wave of the go-live: its audience or sites, the day it starts, and its learners per site.</summary>
public sealed class LaunchWave
{
    internal LaunchWave(int position, string name, DateOnly startsOn, IReadOnlyList<WaveAllocation> allocations)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        Name = name;
        StartsOn = startsOn;
        Allocations = allocations;
        Learners = allocations.Sum(a => a.Learners);
    }

    // For EF Core.
    private LaunchWave()
    {
    }

    public Guid Id { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    /// <summary>All learners the wave starts (stored, so lists and calendars read it without the allocations).</summary>
    public int Learners { get; private set; }

    public IReadOnlyList<WaveAllocation> Allocations { get; private set; } = [];
}
