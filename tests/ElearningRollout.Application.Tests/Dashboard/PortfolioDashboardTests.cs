using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Dashboard;

public sealed class PortfolioDashboardTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private PortfolioDashboard Dashboard => _database.Get<PortfolioDashboard>();

    [Fact]
    public async Task Loading_the_dashboard_takes_six_statements_for_10_rollouts_and_for_200()
    {
        await CreateActiveAsync(10);
        await _database.PlayAsync(Accounts.Executive);
        _database.Statements.Reset();
        var small = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());
        var forTen = _database.Statements.Count;

        await CreateActiveAsync(190);
        await _database.PlayAsync(Accounts.Executive);
        _database.Statements.Reset();
        var large = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());

        Assert.Equal((10, 200), (small.ActiveRollouts, large.ActiveRollouts));
        Assert.Equal(forTen, _database.Statements.Count);
        Assert.True(forTen <= 6, $"The dashboard took {forTen} statements.");
    }

    [Fact]
    public async Task Every_figure_matches_a_small_hand_made_portfolio()
    {
        var codes = await CreateActiveAsync(3);
        var commands = _database.Get<RolloutCommands>();
        var catalog = _database.Get<RolloutCatalog>();
        await commands.ChangeHealthAsync(codes[1], RolloutHealth.AtRisk, "Vendor late", (await catalog.GetAsync(codes[1]))!.Version);
        await commands.CreateAsync(Drafts.Rollout("Still a draft"));
        var security = (await catalog.GetAsync(codes[0]))!.Gates.Single(g => g.Kind == GateKind.SecurityReview);
        var gates = _database.Get<GateCommands>();
        await gates.SubmitAsync(security.Id, null, new DateOnly(2026, 11, 3), (await _database.Get<GateQueries>().GetAsync(security.Id))!.Version);
        _database.Clock.Advance(TimeSpan.FromDays(5));
        await _database.PlayAsync(Accounts.ItLead);

        var model = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());

        Assert.Equal(3, model.ActiveRollouts);
        Assert.Equal([new HealthCount(RolloutHealth.OnTrack, 2), new HealthCount(RolloutHealth.AtRisk, 1)], model.ByHealth);
        Assert.Equal(3, model.Heatmap.Single(c => c.Kind == GateKind.SecurityReview && c.State == GateState.Draft).Rollouts
            + model.Heatmap.Single(c => c.Kind == GateKind.SecurityReview && c.State == GateState.Submitted).Rollouts);
        var overdue = Assert.Single(model.OverdueGates);
        Assert.Equal((codes[0], GateKind.SecurityReview, new DateOnly(2026, 11, 3)), (overdue.Code, overdue.Kind, overdue.DueDate));
        Assert.Empty(model.AwaitingMySignOff);
        Assert.False(model.CanSignOff);
        Assert.Equal(1, (await Dashboard.LoadAsync(new DashboardFilter(Health: RolloutHealth.AtRisk), new PageRequest())).ActiveRollouts);
    }

    private async Task<List<string>> CreateActiveAsync(int count)
    {
        await _database.PlayAsync(Accounts.Training);
        var commands = _database.Get<RolloutCommands>();
        var catalog = _database.Get<RolloutCatalog>();
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
