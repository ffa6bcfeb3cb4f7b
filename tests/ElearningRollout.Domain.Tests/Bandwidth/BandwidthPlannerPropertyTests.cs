using CsCheck;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Tests.Bandwidth;

/// <summary>
/// The planner's arithmetic over random sites: the figures follow the formula in words, the over-limit flag agrees
/// with them, the wave limit is the exact largest count, and suggested waves keep every site within its allowed
/// share while covering every learner.
/// </summary>
public sealed class BandwidthPlannerPropertyTests
{
    private static readonly Gen<SiteLoad> Sites =
        Gen.Select(Gen.Int[1, 200_000], Gen.Int[1, 100], Gen.Decimal[0.5m, 10_000m], Gen.Bool, Gen.Int[100, 8_000])
            .Select((learners, peak, link, video, kbps) => new SiteLoad(
                "site", learners, peak, decimal.Round(link, 2), video ? CourseMedia.Video : CourseMedia.TextAndImages, video ? kbps : null));

    private static readonly Gen<int> Shares = Gen.Int[1, 100];

    [Fact]
    public void Figures_follow_the_formula_in_words()
    {
        Gen.Select(Sites, Shares).Sample((site, share) =>
        {
            var figures = BandwidthFormula.Figures(site, share);
            var perLearner = site.Media == CourseMedia.Video ? site.VideoKbps!.Value / 1000m : 5m * 8m / 3600m;
            var concurrent = (int)Math.Ceiling(site.Learners * site.PeakOnlinePercent / 100m);

            Assert.Equal(perLearner, figures.PerLearnerMbps);
            Assert.Equal(concurrent, figures.PeakConcurrentLearners);
            Assert.Equal(concurrent * perLearner, figures.RequiredMbps);
            Assert.Equal(site.LinkMbps * share / 100m, figures.AllowedMbps);
            Assert.Equal(figures.RequiredMbps > figures.AllowedMbps, figures.OverLimit);
        });
    }

    [Fact]
    public void The_wave_limit_is_the_largest_number_of_learners_within_the_allowed_share()
    {
        Gen.Select(Sites, Shares).Sample((site, share) =>
        {
            var max = BandwidthFormula.MaxLearnersAtOnce(site, share);
            var allowed = BandwidthFormula.Allowed(site.LinkMbps, share);

            Assert.True(BandwidthFormula.RequiredFor(site, max) <= allowed);
            if (max < SiteLoad.MaxLearners)
            {
                Assert.True(BandwidthFormula.RequiredFor(site, max + 1) > allowed);
            }
        });
    }

    [Fact]
    public void Suggested_waves_keep_every_site_within_its_allowed_share_and_cover_every_learner()
    {
        var plans = Gen.Select(Sites.List[1, 6], Shares).Where((sites, share) => Plannable(sites, share));
        plans.Sample((sites, share) =>
        {
            var named = sites.Select((s, i) => s with { Name = $"Site {i + 1}" }).ToList();
            var start = new DateOnly(2027, 3, 1);

            var waves = LaunchWavePlanner.Suggest(named, share, start, 7);

            foreach (var wave in waves)
            {
                foreach (var allocation in wave.Allocations)
                {
                    var site = named.Single(s => s.Name == allocation.Site);
                    Assert.True(allocation.Learners >= 0);
                    Assert.True(BandwidthFormula.RequiredFor(site, allocation.Learners) <= BandwidthFormula.Allowed(site.LinkMbps, share),
                        $"{wave.Name} starts {allocation.Learners} at {site.Name}, above its allowed share.");
                }
            }

            foreach (var site in named)
            {
                Assert.Equal(site.Learners, waves.SelectMany(w => w.Allocations).Where(a => a.Site == site.Name).Sum(a => a.Learners));
            }

            Assert.Equal(Enumerable.Range(0, waves.Count).Select(i => start.AddDays(7 * i)), waves.Select(w => w.StartsOn));

            // A suggestion is what the plan itself takes as its waves.
            var plan = new BandwidthPlan(Guid.NewGuid(), share, named, "user-1", DateTimeOffset.UnixEpoch);
            plan.ReplaceWaves(waves);
            Assert.Empty(plan.WaveFindings());
        });
    }

    [Fact]
    public void No_more_waves_than_the_busiest_site_needs()
    {
        Gen.Select(Sites.List[1, 6], Shares).Where((sites, share) => Plannable(sites, share)).Sample((sites, share) =>
        {
            var named = sites.Select((s, i) => s with { Name = $"Site {i + 1}" }).ToList();
            var needed = named.Max(s => (s.Learners + BandwidthFormula.MaxLearnersAtOnce(s, share) - 1) / BandwidthFormula.MaxLearnersAtOnce(s, share));

            Assert.Equal(needed, LaunchWavePlanner.Suggest(named, share, new DateOnly(2027, 3, 1), 1).Count);
        });
    }

    [Fact]
    public void A_site_where_one_learner_is_already_too_many_is_named()
    {
        var site = new SiteLoad("Branch office", 10, 50, 1m, CourseMedia.Video, 2_000);

        var refusal = Assert.Throws<DomainException>(() => LaunchWavePlanner.Suggest([site], 50, new DateOnly(2027, 3, 1), 7));

        Assert.Contains("Branch office", refusal.Message);
    }

    [Fact]
    public void Waves_above_a_sites_limit_or_beyond_its_learners_are_refused()
    {
        var site = new SiteLoad("Lyon", 1_000, 50, 100m, CourseMedia.Video, 1_000);
        var plan = new BandwidthPlan(Guid.NewGuid(), 60, [site], "user-1", DateTimeOffset.UnixEpoch);
        var max = BandwidthFormula.MaxLearnersAtOnce(site, 60);
        Assert.Equal(120, max);

        Assert.Throws<DomainException>(() => plan.ReplaceWaves([new WaveDraft("Wave 1", new DateOnly(2027, 3, 1), [new WaveAllocation("Lyon", max + 1)])]));
        Assert.Throws<DomainException>(() => plan.ReplaceWaves([new WaveDraft("Wave 1", new DateOnly(2027, 3, 1), [new WaveAllocation("Paris", 1)])]));
        var tooMany = Enumerable.Range(1, 9).Select(i => new WaveDraft($"Wave {i}", new DateOnly(2027, 3, i), [new WaveAllocation("Lyon", max)])).ToList();
        Assert.Throws<DomainException>(() => plan.ReplaceWaves(tooMany));

        plan.ReplaceWaves([new WaveDraft("Wave 1", new DateOnly(2027, 3, 1), [new WaveAllocation("Lyon", max)])]);
        Assert.Equal(["880 of the 1,000 learners at Lyon are in no wave."], plan.WaveFindings());
    }

    [Fact]
    public void Saved_waves_that_no_longer_fit_changed_sites_are_reported_not_dropped()
    {
        var site = new SiteLoad("Lyon", 100, 50, 100m, CourseMedia.Video, 1_000);
        var plan = new BandwidthPlan(Guid.NewGuid(), 60, [site], "user-1", DateTimeOffset.UnixEpoch);
        plan.ReplaceWaves(plan.SuggestWaves(new DateOnly(2027, 3, 1), 7));

        plan.ReplaceInputs(60, [site with { LinkMbps = 10m }], "user-2", DateTimeOffset.UnixEpoch);

        Assert.Single(plan.Waves);
        Assert.Contains(plan.WaveFindings(), f => f.Contains("above the 6 Mbit/s allowed", StringComparison.Ordinal));
    }

    private static bool Plannable(IReadOnlyList<SiteLoad> sites, int share)
    {
        var limits = sites.Select(s => BandwidthFormula.MaxLearnersAtOnce(s, share)).ToList();
        return limits.All(m => m > 0) && sites.Zip(limits).All(x => (x.First.Learners + x.Second - 1) / x.Second <= LaunchWavePlanner.MaxWaves);
    }
}
