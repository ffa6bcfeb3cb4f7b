using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.Extensions.DependencyInjection;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Dashboard;

/// <summary>
/// Open dashboards share one snapshot per filter and page, and a burst of changes recomputes it once per interval
/// (the clock is a <c>FakeTimeProvider</c>: nothing is recomputed until the test moves time on).
/// </summary>
public sealed class DashboardFeedTests : DatabaseTest
{
    // Waiting for a recomputation that runs on the thread pool; generous for a busy machine, never a timing assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private DashboardFeed Feed => Database.Services.GetRequiredService<DashboardFeed>();

    private DashboardQueries Dashboard => Database.Get<DashboardQueries>();

    private static TimeSpan Interval => TimeSpan.FromMilliseconds(new DashboardOptions().RefreshMilliseconds);

    [Fact]
    public async Task Viewers_of_the_same_filter_share_one_computation_and_one_snapshot_and_another_filter_has_its_own()
    {
        await CreateActiveAsync(2);
        await Database.PlayAsync(Accounts.Executive);
        using var executive = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), _ => { });
        await Database.PlayAsync(Accounts.Training);
        using var training = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), _ => { });
        await Database.PlayAsync(Accounts.ItLead);
        using var atRisk = await Dashboard.WatchAsync(new DashboardFilter(Health: RolloutHealth.AtRisk), new PageRequest(), _ => { });

        Assert.Equal(2, Feed.Computations);
        Assert.Same(executive.Model.Portfolio, training.Model.Portfolio);
        Assert.Equal((2, 2), (executive.Model.ActiveRollouts, training.Model.ActiveRollouts));
        Assert.Equal(0, atRisk.Model.ActiveRollouts);
        Assert.Equal(2, Feed.Viewers[new DashboardView(new DashboardFilter(), new PageRequest())]);

        // The personal part is not shared: only the executive decides sign-offs.
        Assert.True(executive.Model.CanSignOff);
        Assert.False(training.Model.CanSignOff);
    }

    [Fact]
    public async Task A_burst_of_changes_recomputes_once_after_the_interval_and_every_viewer_re_renders_from_it()
    {
        var codes = await CreateActiveAsync(1);
        await Database.PlayAsync(Accounts.Executive);
        var executiveUpdates = new List<DashboardModel>();
        var executiveUpdated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var executive = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), model =>
        {
            lock (executiveUpdates) { executiveUpdates.Add(model); }
            executiveUpdated.TrySetResult();
        });
        await Database.PlayAsync(Accounts.Training);
        var trainingUpdated = new TaskCompletionSource<DashboardModel>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var training = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), model => trainingUpdated.TrySetResult(model));
        Assert.Equal(1, Feed.Computations);

        // A change the dashboard shows, then five change signals at once (as five decisions in a row would raise).
        var catalog = Database.Get<RolloutQueries>();
        await Database.Get<RolloutCommands>().ChangeHealthAsync(codes[0], RolloutHealth.AtRisk, "Vendor late", (await catalog.GetAsync(codes[0]))!.Version);
        var signals = Database.Services.GetRequiredService<NotificationSignals>();
        for (var i = 0; i < 5; i++)
        {
            signals.RaiseGatesChanged();
        }

        // Within the interval of the last computation nothing is recomputed: the viewers keep what they have.
        Assert.Equal(1, Feed.Computations);
        Assert.False(trainingUpdated.Task.IsCompleted);

        Database.Clock.Advance(Interval);
        var seen = await trainingUpdated.Task.WaitAsync(Patience);
        await executiveUpdated.Task.WaitAsync(Patience);

        Assert.Equal(2, Feed.Computations);
        Assert.Equal(1, seen.ByHealth.Single(h => h.Health == RolloutHealth.AtRisk).Rollouts);
        lock (executiveUpdates)
        {
            Assert.Same(seen.Portfolio, Assert.Single(executiveUpdates).Portfolio);
        }

        // A change right after a recomputation waits for the next interval too.
        signals.RaiseGatesChanged();
        Assert.Equal(2, Feed.Computations);
        Database.Clock.Advance(Interval);
        Assert.Equal(3, Feed.Computations);
    }

    [Fact]
    public async Task A_gate_submitted_reaches_the_open_dashboards_through_the_existing_gate_signal()
    {
        var codes = await CreateActiveAsync(1);
        await Database.PlayAsync(Accounts.Executive);
        var updated = new TaskCompletionSource<DashboardModel>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var executive = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), model => updated.TrySetResult(model));
        Assert.Equal(0, Submitted(executive.Model));

        await Database.PlayAsync(Accounts.Training);
        var gate = (await Database.Get<RolloutQueries>().GetAsync(codes[0]))!.Gates.Single(g => g.Kind == GateKind.SecurityReview);
        var queries = Database.Get<GateQueries>();
        await Database.Get<GateCommands>().SubmitAsync(gate.Id, null, new DateOnly(2026, 11, 3), (await queries.GetAsync(gate.Id))!.Version);

        Database.Clock.Advance(Interval);
        var seen = await updated.Task.WaitAsync(Patience);
        Assert.Equal(1, Submitted(seen));
        Assert.Equal(2, Feed.Computations);
    }

    [Fact]
    public async Task A_change_that_moves_no_figure_is_recomputed_but_re_renders_nobody()
    {
        var codes = await CreateActiveAsync(1);
        await Database.PlayAsync(Accounts.Executive);
        var updates = new List<DashboardModel>();
        var updated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var executive = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), model =>
        {
            lock (updates) { updates.Add(model); }
            updated.TrySetResult();
        });
        var signals = Database.Services.GetRequiredService<NotificationSignals>();

        // Signalled, recomputed, the same figures: then a real change, signalled, is the only update the viewer gets.
        signals.RaiseGatesChanged();
        Database.Clock.Advance(Interval);
        await Database.PlayAsync(Accounts.Training);
        var catalog = Database.Get<RolloutQueries>();
        await Database.Get<RolloutCommands>().ChangeHealthAsync(codes[0], RolloutHealth.OffTrack, "Vendor gone", (await catalog.GetAsync(codes[0]))!.Version);
        signals.RaiseGatesChanged();
        using var patience = new CancellationTokenSource(Patience);
        while (!updated.Task.IsCompleted)
        {
            patience.Token.ThrowIfCancellationRequested();
            // The second computation may wait for the first to finish; move time on until it has run.
            Database.Clock.Advance(Interval);
            await Task.WhenAny(updated.Task, Task.Delay(50, patience.Token));
        }

        Assert.True(Feed.Computations >= 3);
        lock (updates)
        {
            Assert.Equal(1, Assert.Single(updates).ByHealth.Single(h => h.Health == RolloutHealth.OffTrack).Rollouts);
        }
    }

    [Fact]
    public async Task The_last_viewer_leaving_drops_the_snapshot_so_the_next_one_gets_fresh_figures()
    {
        var codes = await CreateActiveAsync(1);
        await Database.PlayAsync(Accounts.Executive);
        var first = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), _ => { });
        first.Dispose();
        Assert.Empty(Feed.Viewers);

        await Database.PlayAsync(Accounts.Training);
        var catalog = Database.Get<RolloutQueries>();
        await Database.Get<RolloutCommands>().ChangeHealthAsync(codes[0], RolloutHealth.AtRisk, "Vendor late", (await catalog.GetAsync(codes[0]))!.Version);
        using var next = await Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), _ => { });

        Assert.Equal(2, Feed.Computations);
        Assert.Equal(1, next.Model.ByHealth.Single(h => h.Health == RolloutHealth.AtRisk).Rollouts);
    }

    [Fact]
    public async Task Watching_needs_a_signed_in_person()
    {
        Database.Actor.PlayAs(null);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Dashboard.WatchAsync(new DashboardFilter(), new PageRequest(), _ => { }));
        Assert.Equal(0, Feed.Computations);
    }

    [Fact]
    public void Each_person_sees_only_the_sign_offs_they_may_decide_and_that_are_theirs_or_nobodys()
    {
        var unassigned = new SignOffCandidate(Guid.NewGuid(), Guid.NewGuid(), "ELR-0001", "Unassigned", new DateOnly(2027, 1, 1), GateKind.GoLiveSignOff, []);
        var mine = new SignOffCandidate(Guid.NewGuid(), Guid.NewGuid(), "ELR-0002", "Mine", new DateOnly(2027, 1, 2), GateKind.GoLiveSignOff, ["exec-1"]);
        var theirs = new SignOffCandidate(Guid.NewGuid(), Guid.NewGuid(), "ELR-0003", "Another executive's", new DateOnly(2027, 1, 3), GateKind.GoLiveSignOff, ["exec-2"]);
        var snapshot = new DashboardSnapshot(new DashboardView(new DashboardFilter(), new PageRequest()), 3, 0, [], [], [], [], [], [], [],
            [unassigned, mine, theirs], DateTimeOffset.UnixEpoch);

        var executive = snapshot.For(new Actor("exec-1", "Exec", "Leadership", new HashSet<string> { Roles.Executive }));
        var trainingManager = snapshot.For(new Actor("exec-2", "Not an executive", "Training", new HashSet<string> { Roles.TrainingManager }));

        Assert.Equal(["ELR-0001", "ELR-0002"], executive.AwaitingMySignOff.Select(r => r.Code));
        Assert.True(executive.CanSignOff);
        Assert.Empty(trainingManager.AwaitingMySignOff);
        Assert.False(trainingManager.CanSignOff);
    }

    private static int Submitted(DashboardModel model) =>
        model.Heatmap.Where(c => c.Kind == GateKind.SecurityReview && c.State == GateState.Submitted).Sum(c => c.Rollouts);

    private async Task<List<string>> CreateActiveAsync(int count)
    {
        await Database.PlayAsync(Accounts.Training);
        var commands = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var code = await commands.CreateAsync(Drafts.Rollout($"Rollout {i}"));
            await commands.ActivateAsync(code, (await catalog.GetAsync(code))!.Version);
            codes.Add(code);
        }

        return codes;
    }
}
