using ElearningRollout.Application.Bandwidth;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Bandwidth;

/// <summary>The bandwidth planner against SQLite: evidence saved with its inputs on the Infrastructure and network gate, conflicts, field messages, launch waves.</summary>
public sealed class BandwidthPlanTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private string _code = "";
    private Guid _gateId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        await _database.PlayAsync(Accounts.Training);
        _code = await _database.Get<RolloutCommands>().CreateAsync(draft);
        _gateId = (await _database.Get<RolloutQueries>().GetAsync(_code))!.Gates.Single(g => g.Kind == GateKind.InfrastructureAndNetwork).Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private BandwidthPlanCommands Commands => _database.Get<BandwidthPlanCommands>();

    private BandwidthPlanQueries Queries => _database.Get<BandwidthPlanQueries>();

    /// <summary>Lyon fits (200 learners, 10% online, 1 Mbit/s video: 20 Mbit/s of 70 allowed); Head office does not (2,000 × 25% × 1 = 500 of 70).</summary>
    private static BandwidthPlanDraft TwoSites(int share = 70) => new()
    {
        AllowedSharePercent = share,
        Sites =
        [
            new BandwidthSiteDraft { Name = "Lyon plant", Learners = 200, PeakOnlinePercent = 10, LinkMbps = 100m, Media = CourseMedia.Video, VideoKbps = 1_000 },
            new BandwidthSiteDraft { Name = "Head office", Learners = 2_000, PeakOnlinePercent = 25, LinkMbps = 100m, Media = CourseMedia.Video, VideoKbps = 1_000 },
        ],
    };

    private static LaunchWaveDraft Wave(string name, DateOnly startsOn, params (string Site, int Learners)[] rows) => new()
    {
        Name = name,
        StartsOn = startsOn,
        Allocations = rows.Select(r => new WaveSiteDraft { Site = r.Site, Learners = r.Learners }).ToList(),
    };

    private async Task<BandwidthPlanView> PlanAsync() => (await Queries.ForGateAsync(_gateId))!.Plan!;

    private async Task<int> PlansStoredAsync()
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.BandwidthPlans.CountAsync();
    }

    [Fact]
    public async Task The_training_owner_saves_sites_and_the_gate_shows_each_sites_figures_with_the_site_above_its_share_flagged()
    {
        Assert.Null((await Queries.ForGateAsync(_gateId))!.Plan);

        await Commands.SaveAsync(_code, TwoSites(), null);

        var view = (await Queries.ForGateAsync(_gateId))!;
        Assert.True(view.CanEdit);
        var plan = view.Plan!;
        Assert.Equal((70, "Tara Training"), (plan.AllowedSharePercent, plan.SavedBy));
        Assert.Equal(
            [("Lyon plant", 20, 20m, 70m, false), ("Head office", 500, 500m, 70m, true)],
            plan.Sites.Select(s => (s.Site.Name, s.PeakConcurrentLearners, s.RequiredMbps, s.AllowedMbps, s.OverLimit)));
        // The evidence keeps its inputs: the form opens with what was saved.
        var inputs = plan.ToDraft();
        Assert.Equal(TwoSites().Sites.Select(s => (s.Name, s.Learners, s.PeakOnlinePercent, s.LinkMbps, s.Media, s.VideoKbps)),
            inputs.Sites.Select(s => (s.Name, s.Learners, s.PeakOnlinePercent, s.LinkMbps, s.Media, s.VideoKbps)));
    }

    [Fact]
    public async Task The_planner_shows_only_on_the_infrastructure_and_network_gate()
    {
        var security = (await _database.Get<RolloutQueries>().GetAsync(_code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;

        Assert.Null(await Queries.ForGateAsync(security));
        Assert.Null(await Queries.ForGateAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Of_two_people_editing_the_same_plan_one_wins_and_the_other_is_told_who_saved_first()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var seen = (await PlanAsync()).Version;

        await _database.PlayAsync(Accounts.ItLead);
        await Commands.SaveAsync(_code, TwoSites(share: 60), seen);
        await _database.PlayAsync(Accounts.Training);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.SaveAsync(_code, TwoSites(share: 50), seen));

        Assert.StartsWith("Ivan IT changed this bandwidth plan", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(60, (await PlanAsync()).AllowedSharePercent);
    }

    [Fact]
    public async Task Two_people_saving_the_first_plan_conflict_instead_of_one_overwriting_the_other()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);

        await _database.PlayAsync(Accounts.ItLead);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.SaveAsync(_code, TwoSites(share: 40), null));

        Assert.StartsWith("Tara Training changed this bandwidth plan", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(1, await PlansStoredAsync());
        Assert.Equal(70, (await PlanAsync()).AllowedSharePercent);
    }

    [Fact]
    public async Task Bad_inputs_come_back_as_messages_beside_their_fields_and_nothing_is_saved()
    {
        var draft = TwoSites(share: 0);
        draft.Sites[1].Name = " lyon PLANT ";
        draft.Sites[1].LinkMbps = 0;
        draft.Sites[0].VideoKbps = null;
        draft.Sites[0].PeakOnlinePercent = 101;

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveAsync(_code, draft, null));

        Assert.Equal(
            ["AllowedSharePercent", "Sites[0].Name", "Sites[0].PeakOnlinePercent", "Sites[0].VideoKbps", "Sites[1].LinkMbps", "Sites[1].Name"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Another site is also called", invalid.Errors["Sites[1].Name"][0], StringComparison.Ordinal);
        Assert.Equal(0, await PlansStoredAsync());
    }

    [Theory]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Training2)]
    public async Task Only_the_owner_the_IT_liaison_and_administrators_change_the_plan(string account)
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var seen = (await PlanAsync()).Version;
        await _database.PlayAsync(account);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.SaveAsync(_code, TwoSites(share: 50), seen));

        var view = (await Queries.ForGateAsync(_gateId))!;
        Assert.False(view.CanEdit);
        Assert.Contains("training owner, its IT liaison or an administrator", view.EditRefusal, StringComparison.Ordinal);
        Assert.Equal(70, view.Plan!.AllowedSharePercent);
    }

    [Fact]
    public async Task Suggested_waves_keep_every_site_within_its_share_and_once_saved_show_as_the_rollouts_waves()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var start = new DateOnly(2026, 12, 1);

        var suggested = await Queries.SuggestWavesAsync(_code, new WaveSuggestionDraft { FirstWaveStartsOn = start, DaysBetweenWaves = 7 });

        // Head office: at most 70 learners online at once, 25% online: 280 learners a wave, so 2,000 take 8 waves.
        Assert.Equal(8, suggested.Count);
        Assert.All(suggested, w => Assert.True(w.Allocations.Single(a => a.Site == "Head office").Learners <= 280));
        Assert.Equal(2_200, suggested.Sum(w => w.Learners));
        suggested[0].Name = "Pilot sites";

        await Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = suggested.ToList() }, (await PlanAsync()).Version);

        var waves = await Queries.WavesOfRolloutAsync(_code);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => start.AddDays(7 * i)), waves.Select(w => w.StartsOn));
        Assert.Equal("Pilot sites", waves[0].Name);
        Assert.Empty((await PlanAsync()).WaveFindings);
    }

    [Fact]
    public async Task A_wave_above_a_sites_limit_is_refused_beside_that_sites_row_and_the_saved_waves_stay()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var waves = await Queries.SuggestWavesAsync(_code, new WaveSuggestionDraft { FirstWaveStartsOn = new DateOnly(2026, 12, 1), DaysBetweenWaves = 7 });
        await Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = waves.ToList() }, (await PlanAsync()).Version);
        var all = Wave("Everyone", new DateOnly(2026, 12, 1), ("Lyon plant", 200), ("Head office", 2_000));

        var version = (await PlanAsync()).Version;

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = [all] }, version));

        Assert.Equal(["Waves[0].Allocations[1].Learners"], invalid.Errors.Keys);
        Assert.Contains("At most 280 learners can start there together", invalid.Errors["Waves[0].Allocations[1].Learners"][0], StringComparison.Ordinal);
        Assert.Equal(8, (await Queries.WavesOfRolloutAsync(_code)).Count);
        Assert.Equal(version, (await PlanAsync()).Version);
    }

    [Fact]
    public async Task A_wave_without_a_name_or_day_is_a_field_message()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var wave = new LaunchWaveDraft { Name = " ", StartsOn = null, Allocations = [new WaveSiteDraft { Site = "Lyon plant", Learners = 10 }, new WaveSiteDraft()] };
        var version = (await PlanAsync()).Version;

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = [wave] }, version));

        // The form's own messages, once each: the plan's rule waits until the form is complete.
        Assert.Equal(
            ["Waves[0].Allocations[1].Learners", "Waves[0].Allocations[1].Site", "Waves[0].Name", "Waves[0].StartsOn"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Name the wave (its audience or sites)."], invalid.Errors["Waves[0].Name"]);
    }

    [Fact]
    public async Task Waves_planned_by_hand_are_saved_as_typed_and_show_where_the_suggested_ones_do()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var draft = new LaunchWavesDraft
        {
            Waves =
            [
                Wave("Lyon and head office pilot", new DateOnly(2027, 1, 11), ("Lyon plant", 200), ("Head office", 280)),
                Wave("Head office, floor 2", new DateOnly(2027, 1, 18), ("Head office", 250)),
            ],
        };

        await Commands.SaveWavesAsync(_code, draft, (await PlanAsync()).Version);

        var waves = await Queries.WavesOfRolloutAsync(_code);
        Assert.Equal(
            [("Lyon and head office pilot", new DateOnly(2027, 1, 11), 480), ("Head office, floor 2", new DateOnly(2027, 1, 18), 250)],
            waves.Select(w => (w.Name, w.StartsOn, w.Learners)));
        Assert.Equal(["1,470 of the 2,000 learners at Head office are in no wave."], (await PlanAsync()).WaveFindings);
        // The saved waves open in the form as they were saved, to change by hand.
        var reopened = waves.Select(LaunchWaveDraft.From).ToList();
        Assert.Equal([("Lyon plant", 200), ("Head office", 280)], reopened[0].Allocations.Select(a => (a.Site!, a.Learners!.Value)));
    }

    [Fact]
    public async Task A_site_listed_twice_in_a_wave_is_refused_beside_the_second_row()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var version = (await PlanAsync()).Version;
        var wave = Wave("Head office", new DateOnly(2027, 1, 11), ("Head office", 200), ("Lyon plant", 10), ("Head office", 200));

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = [wave] }, version));

        Assert.Equal(["Waves[0].Allocations[2].Site"], invalid.Errors.Keys);
        Assert.Contains("lists Head office twice", invalid.Errors["Waves[0].Allocations[2].Site"][0], StringComparison.Ordinal);
        Assert.Empty(await Queries.WavesOfRolloutAsync(_code));
    }

    [Fact]
    public async Task Two_waves_on_the_same_day_are_refused_beside_the_row_that_takes_the_site_over_its_limit()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var version = (await PlanAsync()).Version;
        var day = new DateOnly(2027, 1, 11);
        var draft = new LaunchWavesDraft { Waves = [Wave("Floor 1", day, ("Head office", 200)), Wave("Floor 2", day, ("Lyon plant", 50), ("Head office", 200))] };

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, draft, version));

        Assert.Equal(["Waves[1].Allocations[1].Learners"], invalid.Errors.Keys);
        Assert.StartsWith("Wave \"Floor 2\" starts the same day (2027-01-11) as \"Floor 1\": together they start 400 learners at Head office",
            invalid.Errors["Waves[1].Allocations[1].Learners"][0], StringComparison.Ordinal);
        Assert.Empty(await Queries.WavesOfRolloutAsync(_code));
    }

    [Fact]
    public async Task More_learners_in_the_waves_than_a_site_has_is_refused_beside_the_row_that_goes_beyond_them()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var version = (await PlanAsync()).Version;
        var draft = new LaunchWavesDraft
        {
            Waves =
            [
                Wave("Lyon again", new DateOnly(2027, 1, 18), ("Lyon plant", 150)),
                Wave("Lyon", new DateOnly(2027, 1, 11), ("Lyon plant", 150)),
            ],
        };

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, draft, version));

        // Lyon has 200: the wave on 18 January, entered first, is the one that takes it to 300.
        Assert.Equal(["Waves[0].Allocations[0].Learners"], invalid.Errors.Keys);
        Assert.StartsWith("The waves start 300 learners at Lyon plant, which has 200", invalid.Errors["Waves[0].Allocations[0].Learners"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_no_longer_in_the_plan_and_a_wave_of_no_learners_are_refused_beside_their_fields()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var version = (await PlanAsync()).Version;
        var draft = new LaunchWavesDraft
        {
            Waves = [Wave("Paris", new DateOnly(2027, 1, 11), ("Paris office", 10)), Wave("Nobody", new DateOnly(2027, 1, 18), ("Lyon plant", 0))],
        };

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SaveWavesAsync(_code, draft, version));

        Assert.Equal(["Waves[0].Allocations[0].Site", "Waves[1].Allocations"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Wave \"Nobody\" has no learners."], invalid.Errors["Waves[1].Allocations"]);
    }

    [Fact]
    public async Task Of_two_people_editing_the_waves_one_wins_and_the_other_is_told_and_nothing_of_theirs_is_saved()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var seen = (await PlanAsync()).Version;
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = [Wave("Ivan's pilot", new DateOnly(2027, 1, 4), ("Lyon plant", 20))] }, seen);
        await _database.PlayAsync(Accounts.Training);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = [Wave("Tara's pilot", new DateOnly(2027, 1, 5), ("Lyon plant", 30))] }, seen));

        Assert.StartsWith("Ivan IT changed this bandwidth plan", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["Ivan's pilot"], (await Queries.WavesOfRolloutAsync(_code)).Select(w => w.Name));
    }

    [Fact]
    public async Task A_site_where_no_wave_can_start_is_named_when_waves_are_asked_for()
    {
        var draft = TwoSites();
        draft.Sites[0].LinkMbps = 1m;
        draft.Sites[0].VideoKbps = 2_000;
        await Commands.SaveAsync(_code, draft, null);

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            Queries.SuggestWavesAsync(_code, new WaveSuggestionDraft { FirstWaveStartsOn = new DateOnly(2026, 12, 1), DaysBetweenWaves = 7 }));

        Assert.Contains("At Lyon plant even one learner online needs 2 Mbit/s", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_lists_the_waves_of_active_rollouts_starting_within_its_horizon()
    {
        var rollout = (await _database.Get<RolloutQueries>().GetAsync(_code))!;
        await _database.Get<RolloutCommands>().ActivateAsync(_code, rollout.Version);
        await Commands.SaveAsync(_code, TwoSites(), null);
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        var waves = await Queries.SuggestWavesAsync(_code, new WaveSuggestionDraft { FirstWaveStartsOn = today.AddDays(30), DaysBetweenWaves = 14 });
        await Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = waves.ToList() }, (await PlanAsync()).Version);

        var soon = await Queries.WavesSoonAsync(new DashboardFilter());

        // Waves on day 30, 44, 58, 72 and 86 are within 90 days; 100, 114 and 128 are not.
        Assert.Equal([today.AddDays(30), today.AddDays(44), today.AddDays(58), today.AddDays(72), today.AddDays(86)], soon.Select(w => w.StartsOn));
        Assert.All(soon, w => Assert.Equal(_code, w.RolloutCode));
    }

    [Fact]
    public async Task The_dashboards_waves_follow_its_department_owner_and_health_filters()
    {
        var rollout = (await _database.Get<RolloutQueries>().GetAsync(_code))!;
        await _database.Get<RolloutCommands>().ActivateAsync(_code, rollout.Version);
        await Commands.SaveAsync(_code, TwoSites(), null);
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        var waves = await Queries.SuggestWavesAsync(_code, new WaveSuggestionDraft { FirstWaveStartsOn = today.AddDays(30), DaysBetweenWaves = 14 });
        await Commands.SaveWavesAsync(_code, new LaunchWavesDraft { Waves = waves.ToList() }, (await PlanAsync()).Version);
        var owner = (await _database.PlayAsync(Accounts.Training)).UserId;
        var otherOwner = (await _database.PlayAsync(Accounts.Training2)).UserId;
        var health = (await _database.Get<RolloutQueries>().GetAsync(_code))!.Health;
        var otherHealth = Enum.GetValues<Domain.Rollouts.RolloutHealth>().First(h => h != health);

        async Task<int> WavesFor(DashboardFilter filter) => (await Queries.WavesSoonAsync(filter)).Count(w => w.RolloutCode == _code);

        // The rollout's owner is in Training: each filter that selects it lists its five waves, each that does not, none.
        Assert.Equal(5, await WavesFor(new DashboardFilter()));
        Assert.Equal((5, 0), (await WavesFor(new DashboardFilter(Department: "Training")), await WavesFor(new DashboardFilter(Department: "IT"))));
        Assert.Equal((5, 0), (await WavesFor(new DashboardFilter(TrainingOwnerId: owner)), await WavesFor(new DashboardFilter(TrainingOwnerId: otherOwner))));
        Assert.Equal((5, 0), (await WavesFor(new DashboardFilter(Health: health)), await WavesFor(new DashboardFilter(Health: otherHealth))));
    }

    [Fact]
    public async Task A_closed_rollouts_plan_is_a_record()
    {
        await Commands.SaveAsync(_code, TwoSites(), null);
        var seen = (await PlanAsync()).Version;
        await using (var db = await _database.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Rollouts SET LifecycleStatus = 'Closed' WHERE Code = {_code}");
        }

        await Assert.ThrowsAsync<DomainException>(() => Commands.SaveAsync(_code, TwoSites(share: 50), seen));
        Assert.False((await Queries.ForGateAsync(_gateId))!.CanEdit);
    }
}
