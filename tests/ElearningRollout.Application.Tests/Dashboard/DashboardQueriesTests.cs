using ElearningRollout.Application.Common;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.CostSharing;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Dashboard;

public sealed class DashboardQueriesTests : DatabaseTest
{
    private DashboardQueries Dashboard => Database.Get<DashboardQueries>();

    [Fact]
    public async Task Loading_the_dashboard_takes_nine_statements_for_10_rollouts_and_for_200()
    {
        await CreateActiveAsync(10);
        await Database.PlayAsync(Accounts.Executive);
        Database.Statements.Reset();
        var small = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());
        var forTen = Database.Statements.Count;

        await CreateActiveAsync(190);
        await Database.PlayAsync(Accounts.Executive);
        Database.Statements.Reset();
        var large = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());

        Assert.Equal((10, 200), (small.ActiveRollouts, large.ActiveRollouts));
        Assert.Equal(forTen, Database.Statements.Count);
        // Six for the figures, one for today's stand-ins (who holds a sign-off), one for the overdue gates' pending
        // reviewers, one for the holiday calendar the clocks are counted on.
        Assert.True(forTen <= 9, $"The dashboard took {forTen} statements.");
    }

    [Fact]
    public async Task Every_figure_matches_a_small_hand_made_portfolio()
    {
        // Three active rollouts (go-live in 74 days, in 90 days, in 211 days), one still a draft, one on hold.
        var codes = await CreateActiveAsync(3, [new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 31), new DateOnly(2027, 6, 1)]);
        var commands = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        await commands.ChangeHealthAsync(codes[1], RolloutHealth.AtRisk, "Vendor late", (await catalog.GetAsync(codes[1]))!.Version);
        var draft = await commands.CreateAsync(Drafts.Rollout("Still a draft"));
        var gates = Database.Get<GateCommands>();
        var queries = Database.Get<GateQueries>();
        var security = (await catalog.GetAsync(codes[0]))!.Gates.Single(g => g.Kind == GateKind.SecurityReview);
        await gates.SubmitAsync(security.Id, null, new DateOnly(2026, 11, 3), (await queries.GetAsync(security.Id))!.Version);
        var owner = await Database.PlayAsync(Accounts.Training);
        var network = (await catalog.GetAsync(codes[2]))!.Gates.Single(g => g.Kind == GateKind.InfrastructureAndNetwork);
        foreach (var item in (await queries.GetAsync(network.Id))!.Checklist)
        {
            await gates.SetChecklistItemAsync(network.Id, item.Id, ChecklistItemState.Met, "Filed.", (await queries.GetAsync(network.Id))!.Version);
        }

        await gates.SubmitAsync(network.Id, null, null, (await queries.GetAsync(network.Id))!.Version);
        await Database.PlayAsync(Accounts.ItLead);
        await gates.DecideAsync(network.Id, new GateDecisionDraft
        {
            Decision = DecisionKind.ApproveWithConditions,
            Rationale = "Load test still to come.",
            Conditions = [new ConditionDraft { Text = "Run the load test", OwnerId = owner.UserId, DueDate = new DateOnly(2026, 11, 20) }],
        }, (await queries.GetAsync(network.Id))!.Version);

        // Money: a signed EUR agreement with spend, an unsigned USD one with spend, and a draft rollout's agreement (left out).
        var costs = new CostSharingScenario(Database);
        await AgreementAsync(costs, codes[0], CostSharingScenario.Line(amount: 1000m, recurrence: CostRecurrence.OneOff), 100m, sign: true);
        await AgreementAsync(costs, codes[1], CostSharingScenario.Line(amount: 500m, recurrence: CostRecurrence.OneOff, currency: "USD", split: ("IT", 100m)), 50m, sign: false);
        await AgreementAsync(costs, draft, CostSharingScenario.Line(amount: 9000m, recurrence: CostRecurrence.OneOff), 900m, sign: true);
        Database.Clock.Advance(TimeSpan.FromDays(5));
        await Database.PlayAsync(Accounts.ItLead);

        var model = await Dashboard.LoadAsync(new DashboardFilter(), new PageRequest());

        Assert.Equal((3, 2), (model.ActiveRollouts, model.GoLivesWithin90Days));
        Assert.Equal([new HealthCount(RolloutHealth.OnTrack, 2), new HealthCount(RolloutHealth.AtRisk, 1)], model.ByHealth);
        Assert.Equal(codes, model.Portfolio.Select(r => r.Code));
        Assert.Equal([(codes[0], 69), (codes[1], 85)], model.GoLivesSoon.Select(r => (r.Code, r.DaysToGoLive)));
        Assert.All(model.GoLivesSoon, r => Assert.Equal("Tara Training", r.Owner));

        // Same profile for all three: every required kind appears for 3 rollouts, in Draft but for the two decided above.
        var kinds = model.Heatmap.Select(c => c.Kind).Distinct().ToList();
        Assert.All(kinds, kind => Assert.Equal(3, model.Heatmap.Where(c => c.Kind == kind).Sum(c => c.Rollouts)));
        Assert.Equal([(GateKind.SecurityReview, GateState.Submitted, 1), (GateKind.InfrastructureAndNetwork, GateState.ApprovedWithConditions, 1)],
            model.Heatmap.Where(c => c.State != GateState.Draft).OrderBy(c => c.Kind).Select(c => (c.Kind, c.State, c.Rollouts)));

        var overdue = Assert.Single(model.OverdueGates);
        Assert.Equal((codes[0], GateKind.SecurityReview, new DateOnly(2026, 11, 3)), (overdue.Code, overdue.Kind, overdue.DueDate));
        var condition = Assert.Single(model.UnmetConditions);
        Assert.Equal((network.Id, codes[2], "Run the load test", "Tara Training", false), (condition.GateId, condition.Code, condition.Text, condition.Owner, condition.IsOverdue));

        Assert.Equal(
            [new DepartmentMoneyTotal("IT", "EUR", 400m, 40m), new DepartmentMoneyTotal("Training", "EUR", 600m, 60m), new DepartmentMoneyTotal("IT", "USD", 0m, 50m)],
            model.MoneyByDepartment);
        Assert.Empty(model.AwaitingMySignOff);
        Assert.False(model.CanSignOff);

        var atRisk = await Dashboard.LoadAsync(new DashboardFilter(Health: RolloutHealth.AtRisk), new PageRequest());
        Assert.Equal((1, 1, codes[1]), (atRisk.ActiveRollouts, atRisk.GoLivesWithin90Days, Assert.Single(atRisk.Portfolio).Code));
        Assert.Equal([new DepartmentMoneyTotal("IT", "USD", 0m, 50m)], atRisk.MoneyByDepartment);
        Assert.Empty(atRisk.OverdueGates);
        Assert.Empty(atRisk.UnmetConditions);
    }

    [Fact]
    public async Task The_portfolio_export_reads_back_as_the_filtered_rollouts_in_CSV_and_in_Excel()
    {
        var codes = await CreateActiveAsync(3, [new DateOnly(2027, 1, 15), new DateOnly(2027, 1, 31), new DateOnly(2027, 6, 1)]);
        var commands = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        await commands.ChangeHealthAsync(codes[1], RolloutHealth.AtRisk, "Vendor late", (await catalog.GetAsync(codes[1]))!.Version);
        await commands.ChangeHealthAsync(codes[2], RolloutHealth.AtRisk, "Scope grew", (await catalog.GetAsync(codes[2]))!.Version);
        await Database.PlayAsync(Accounts.Executive);
        var atRisk = new DashboardFilter(Health: RolloutHealth.AtRisk);

        var csv = (await Dashboard.ExportCsvAsync(atRisk)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var workbook = new MemoryStream(await Dashboard.ExportExcelAsync(atRisk));
        var sheet = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true, sheetName: "Portfolio").Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(
        [
            "\"Rollout\",\"Title\",\"Phase\",\"Health\",\"TargetGoLive\",\"DaysToGoLive\",\"TrainingOwner\"",
            $"\"{codes[1]}\",\"Rollout 1\",\"Initiation\",\"AtRisk\",\"2027-01-31\",90,\"Tara Training\"",
            $"\"{codes[2]}\",\"Rollout 2\",\"Initiation\",\"AtRisk\",\"2027-06-01\",211,\"Tara Training\"",
        ], csv);
        Assert.Equal([(codes[1], "AtRisk", "2027-01-31", "Tara Training"), (codes[2], "AtRisk", "2027-06-01", "Tara Training")],
            sheet.Select(r => ((string)r["Rollout"], (string)r["Health"], (string)r["TargetGoLive"], (string)r["TrainingOwner"])));
    }

    private async Task AgreementAsync(CostSharingScenario costs, string code, CostLineDraft line, decimal spent, bool sign)
    {
        await Database.PlayAsync(Accounts.Training);
        await costs.Commands.CreateAsync(code, 12);
        var lineId = await costs.AddLineAsync(code, line);
        if (sign)
        {
            await costs.SignByBothSidesAsync(code);
        }

        await costs.Commands.RecordActualAsync(code, lineId, new ActualSpendDraft { SpentOn = new DateOnly(2026, 11, 2), Amount = spent }, await costs.VersionAsync(code));
    }

    private async Task<List<string>> CreateActiveAsync(int count, IReadOnlyList<DateOnly>? goLives = null)
    {
        await Database.PlayAsync(Accounts.Training);
        var commands = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var draft = Drafts.Rollout($"Rollout {i}");
            if (goLives?[i] is { } goLive && goLive < draft.PilotEnd)
            {
                draft.PilotStart = new DateOnly(2026, 12, 2);
                draft.PilotEnd = new DateOnly(2026, 12, 20);
            }

            draft.TargetGoLive = goLives?[i] ?? draft.TargetGoLive;
            var code = await commands.CreateAsync(draft);
            await commands.ActivateAsync(code, (await catalog.GetAsync(code))!.Version);
            codes.Add(code);
        }

        return codes;
    }
}
