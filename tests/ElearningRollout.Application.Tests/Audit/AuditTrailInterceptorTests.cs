using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Tests.Security;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Audit;

/// <summary>The audit convention at work through the real use cases: which versions move, and where entries show.</summary>
public sealed class AuditTrailInterceptorTests : DatabaseTest
{
    private PermissionScenario Scenario => new(Database);

    [Fact]
    public async Task Ticking_a_checklist_item_moves_its_gates_version_and_shows_in_the_rollouts_history()
    {
        var rollout = await Scenario.RolloutAsync();
        var gate = await Scenario.GateAsync(rollout, GateKind.InfrastructureAndNetwork);

        await Database.Get<GateCommands>().SetChecklistItemAsync(gate.Id, gate.Checklist[0].Id, ChecklistItemState.Met, "Load test passed", gate.Version);

        Assert.NotEqual(gate.Version, (await Scenario.GateAsync(gate.Id)).Version);
        Assert.Equal(rollout.Id, Assert.Single(await EntriesAsync(nameof(GateChecklistItem)), e => e.Action == "Changed").RolloutId);
    }

    [Fact]
    public async Task A_comment_on_a_gate_leaves_the_gates_version_alone()
    {
        var rollout = await Scenario.RolloutAsync();
        var gate = await Scenario.GateAsync(rollout, GateKind.InfrastructureAndNetwork);

        await Database.Get<GateCommands>().CommentAsync(gate.Id, "Can we test on the Monday peak?");

        Assert.Equal(gate.Version, (await Scenario.GateAsync(gate.Id)).Version);
        // Audited all the same. The command does not load the gate, so the entry has no rollout (as before the convention).
        Assert.Single(await EntriesAsync(nameof(GateComment)));
    }

    [Fact]
    public async Task Scores_leave_the_selections_version_alone_while_an_added_candidate_moves_it()
    {
        var selection = await Scenario.SelectionAsync();
        var commands = Database.Get<VendorSelectionCommands>();

        await commands.RecordScoresAsync(selection.Code, await Scenario.ScoresAsync(selection));
        var afterScores = await VersionAsync(selection.Code);
        await commands.AddCandidateAsync(selection.Code, selection.NotCandidate, afterScores);

        Assert.Equal(selection.Version, afterScores);
        Assert.NotEqual(afterScores, await VersionAsync(selection.Code));
        var rolloutId = (await Database.Get<RolloutQueries>().GetAsync(selection.Code))!.Id;
        Assert.All(await EntriesAsync(nameof(CandidateScore)), e => Assert.Equal(rolloutId, e.RolloutId));
    }

    [Fact]
    public async Task Changing_only_the_pilot_cohort_moves_the_rollouts_version_and_shows_in_its_history()
    {
        await Database.PlayAsync(Accounts.Training);
        var commands = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        var code = await commands.CreateAsync(Drafts.Rollout());
        var before = (await catalog.GetAsync(code))!;
        var draft = Drafts.Rollout();
        draft.PilotCohortSize = 40;

        await commands.UpdateDetailsAsync(code, draft, before.Version);

        var after = (await catalog.GetAsync(code))!;
        Assert.Equal(40, after.PilotCohort!.Size);
        Assert.NotEqual(before.Version, after.Version);
        var cohort = Assert.Single(await EntriesAsync(nameof(PilotCohort)), e => e.Action == "Changed");
        Assert.Equal(before.Id, cohort.RolloutId);
        await using (var db = await Database.CreateDbContextAsync())
        {
            Assert.Equal("Size: 25 → 40", AuditText.Of(db.Model).Changes(cohort.EntityType, cohort.Before, cohort.After));
        }

        // Saving the form again builds an equal cohort: no change, no entry, no new version.
        await commands.UpdateDetailsAsync(code, draft, after.Version);
        Assert.Single(await EntriesAsync(nameof(PilotCohort)), e => e.Action == "Changed");
        Assert.Equal(after.Version, (await catalog.GetAsync(code))!.Version);
    }

    [Fact]
    public async Task Adding_a_department_is_audited_in_the_administrators_name()
    {
        var admin = await Database.PlayAsync(Accounts.Admin);

        await Database.Get<DepartmentCommands>().AddAsync("Finance");

        var entry = Assert.Single(await EntriesAsync("Department"), e => e.After?.Contains("Finance", StringComparison.Ordinal) == true);
        Assert.Equal(("Created", admin.UserId, admin.DisplayName, (Guid?)null), (entry.Action, entry.UserId, entry.UserName, entry.RolloutId));
    }

    private async Task<Guid> VersionAsync(string code) => (await Database.Get<VendorSelectionQueries>().GetAsync(code)).Selection!.Version;

    [Fact]
    public async Task A_decision_that_decides_its_round_is_one_line_of_the_history_and_two_entries_of_the_trail()
    {
        var (gate, _) = await Scenario.GateWithConditionAsync();
        await Database.PlayAsync(Accounts.Training);

        var history = (await Database.Get<RolloutQueries>().HistoryAsync(gate.RolloutCode, new PageRequest(0, 100))).Items;

        var decision = Assert.Single(history, h => h.Changes.Contains("Decision:", StringComparison.Ordinal));
        Assert.Equal("Review round", decision.Subject);
        Assert.Contains("Decision: (none) → Approved with conditions", decision.Changes, StringComparison.Ordinal);
        Assert.Contains(history, h => h.Subject == "Condition" && h.Changes.Contains("Due date: 1 Dec 2026", StringComparison.Ordinal));
        Assert.Single(await EntriesAsync(nameof(GateReviewRound)), e => e.After?.Contains("\"Decision\":\"ApprovedWithConditions\"", StringComparison.Ordinal) == true);
        Assert.Single(await EntriesAsync(nameof(GateReview)), e => e.After?.Contains("\"Decision\":\"ApprovedWithConditions\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_value_the_model_keeps_as_JSON_is_recorded_as_its_JSON_not_its_type_name()
    {
        await Scenario.AgreementAsync();

        var line = Assert.Single(await EntriesAsync(nameof(Domain.CostSharing.CostLine)), e => e.Action == "Created");
        using var after = System.Text.Json.JsonDocument.Parse(line.After!);
        var split = after.RootElement.GetProperty(nameof(Domain.CostSharing.CostLine.Split)).GetString()!;

        Assert.DoesNotContain(nameof(Domain.CostSharing.CostSplit), split, StringComparison.Ordinal);
        using var _ = System.Text.Json.JsonDocument.Parse(split);
    }

    private async Task<List<AuditEntry>> EntriesAsync(string entityType)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync();
    }
}
