using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Tests.Bandwidth;

/// <summary>
/// The plan's rule on launch waves planned by hand: each refusal is placed on the wave or site row a person fixes, and
/// the ways around a site's limit a hand-made plan opens (a site listed twice in one wave, two waves on the same day)
/// are refused like a wave over the limit.
/// </summary>
public sealed class LaunchWaveRulesTests
{
    private static readonly DateOnly March1 = new(2027, 3, 1);

    /// <summary>Lyon and Paris: 50% online, 1 Mbit/s video, 100 Mbit/s links at a 60% share: at most 120 learners start together at each.</summary>
    private static BandwidthPlan Plan() => new(Guid.NewGuid(), 60,
        [new SiteLoad("Lyon", 1_000, 50, 100m, CourseMedia.Video, 1_000), new SiteLoad("Paris", 200, 50, 100m, CourseMedia.Video, 1_000)],
        "user-1", DateTimeOffset.UnixEpoch);

    private static WaveDraft Wave(string name, DateOnly day, params (string Site, int Learners)[] rows) =>
        new(name, day, rows.Select(r => new WaveAllocation(r.Site, r.Learners)).ToList());

    [Fact]
    public void Waves_planned_by_hand_within_every_limit_are_taken_with_nothing_to_report()
    {
        var plan = Plan();
        var waves = new[]
        {
            Wave("Paris first", March1, ("Paris", 100), ("Lyon", 120)),
            Wave("Paris rest", March1.AddDays(1), ("Paris", 100), ("Lyon", 0)),
        };

        Assert.Empty(plan.WaveProblems(waves));
        plan.ReplaceWaves(waves);

        Assert.Equal([220, 100], plan.Waves.Select(w => w.Learners));
        // A row of 0 learners is not kept: the wave starts nobody there.
        Assert.Equal(["Paris"], plan.Waves[1].Allocations.Select(a => a.Site));
        Assert.Equal(["880 of the 1,000 learners at Lyon are in no wave."], plan.WaveFindings());
    }

    [Fact]
    public void A_row_above_its_sites_limit_is_placed_on_that_rows_learners()
    {
        var problems = Plan().WaveProblems([Wave("Wave 1", March1, ("Paris", 10)), Wave("Wave 2", March1.AddDays(7), ("Paris", 10), ("Lyon", 121))]);

        var problem = Assert.Single(problems);
        Assert.Equal((1, 1, WavePart.Learners), (problem.Wave, problem.Row, problem.Part));
        Assert.Contains("At most 120 learners can start there together", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_listed_twice_in_one_wave_is_refused_on_the_second_row_even_when_each_row_fits()
    {
        var plan = Plan();
        WaveDraft[] waves = [Wave("Wave 1", March1, ("Lyon", 100), ("Paris", 10), ("lyon ", 100))];

        var problem = Assert.Single(plan.WaveProblems(waves));

        Assert.Equal((0, 2, WavePart.Site), (problem.Wave, problem.Row, problem.Part));
        Assert.Contains("lists Lyon twice", problem.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => plan.ReplaceWaves(waves));
    }

    [Fact]
    public void Waves_starting_the_same_day_count_together_against_a_sites_limit()
    {
        var plan = Plan();
        WaveDraft[] waves = [Wave("Morning", March1, ("Lyon", 100)), Wave("Afternoon", March1, ("Paris", 10), ("Lyon", 100))];

        var problem = Assert.Single(plan.WaveProblems(waves));

        Assert.Equal((1, 1, WavePart.Learners), (problem.Wave, problem.Row, problem.Part));
        Assert.StartsWith("Wave \"Afternoon\" starts the same day (2027-03-01) as \"Morning\": together they start 200 learners at Lyon", problem.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => plan.ReplaceWaves(waves));

        // A day apart they are separate launches, each within the limit.
        plan.ReplaceWaves([waves[0], waves[1] with { StartsOn = March1.AddDays(1) }]);
        Assert.Equal(2, plan.Waves.Count);
    }

    [Fact]
    public void More_learners_in_all_waves_than_a_site_has_is_placed_on_the_row_that_goes_beyond_them()
    {
        // Paris has 200. In the order the waves start (3, 5 and 9 March, not as entered) Paris has 100, 150, then 250.
        var problems = Plan().WaveProblems(
        [
            Wave("Third", March1.AddDays(8), ("Paris", 100)),
            Wave("First", March1.AddDays(2), ("Paris", 100)),
            Wave("Second", March1.AddDays(4), ("Lyon", 50), ("Paris", 50)),
        ]);

        var problem = Assert.Single(problems);
        Assert.Equal((0, 0, WavePart.Learners), (problem.Wave, problem.Row, problem.Part));
        Assert.Equal("The waves start 250 learners at Paris, which has 200: from wave \"Third\" on they go beyond them; plan 50 fewer there.", problem.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_each_where_it_lies()
    {
        var problems = Plan().WaveProblems(
        [
            Wave(" ", March1, ("Lyon", 10)),
            Wave("Second", March1.AddDays(1), ("Madrid", 10)),
            Wave("second", March1.AddDays(2), ("Paris", 0)),
            Wave("Fourth", March1.AddDays(3), ("Paris", -1)),
        ]);

        Assert.Equal(
        [
            (0, (int?)null, WavePart.Name),
            (1, 0, WavePart.Site),
            (2, null, WavePart.Name),
            (2, null, WavePart.Allocations),
            (3, 0, WavePart.Learners),
        ], problems.Select(p => (p.Wave!.Value, p.Row, p.Part)));
        Assert.Contains("\"Madrid\", which is not in the plan", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_waves_than_a_launch_plan_holds_is_a_problem_of_the_list()
    {
        var waves = Enumerable.Range(0, LaunchWavePlanner.MaxWaves + 1).Select(i => Wave($"Wave {i + 1}", March1.AddDays(i), ("Lyon", 1))).ToList();

        var problem = Assert.Single(Plan().WaveProblems(waves));

        Assert.Equal(((int?)null, (int?)null, WavePart.Waves), (problem.Wave, problem.Row, problem.Part));
    }
}
