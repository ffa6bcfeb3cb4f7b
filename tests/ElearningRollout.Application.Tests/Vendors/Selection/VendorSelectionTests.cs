using ElearningRollout.Application.Common;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Vendors.Selection;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors.Selection;

public sealed class VendorSelectionTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private SelectionScenario _selection = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _selection = new SelectionScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_new_selection_copies_the_default_criteria_and_seats_the_owner_and_the_IT_liaison()
    {
        var selection = await _selection.SelectionWithCandidatesAsync();

        Assert.Equal(
            BuiltInSelectionCriteria.Criteria.Select(c => (c.Name, c.Weight, c.MustHave)),
            selection.Criteria.Select(c => (c.Name, c.Weight, c.MustHave)));
        Assert.Equal(["Ivan IT", "Tara Training"], selection.Evaluators.Select(e => e.DisplayName));
        Assert.All(selection.Evaluators, e => Assert.True(e.IsPending));
        Assert.Equal(["Acme Learning", "Bright LMS"], selection.Candidates.Select(c => c.Name));
        Assert.Equal(EngagementType.LmsPlatform, selection.EngagementType);
    }

    [Fact]
    public async Task A_rollout_has_one_selection()
    {
        await _selection.SelectionWithCandidatesAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => _selection.Commands.StartAsync(_selection.Code, EngagementType.Hosting));

        Assert.Equal("This rollout already has a vendor selection.", refusal.Message);
    }

    [Fact]
    public async Task A_vendor_is_a_candidate_once()
    {
        await _selection.SelectionWithCandidatesAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(
            async () => await _selection.Commands.AddCandidateAsync(_selection.Code, _selection.Acme, await _selection.VersionAsync()));

        Assert.Equal("Acme Learning is already a candidate.", refusal.Message);
        Assert.Empty(await _selection.Queries.VendorChoicesAsync(_selection.Code, null));
    }

    [Fact]
    public async Task Weights_that_do_not_total_100_are_refused_beside_the_editor_and_nothing_changes()
    {
        await _selection.SelectionWithCandidatesAsync();

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(async () => await _selection.Commands.ReviseCriteriaAsync(
            _selection.Code, SelectionScenario.Criteria(("Functional fit", 60, false), ("functional fit", 30, true)), await _selection.VersionAsync()));

        Assert.Equal(
            ["Two criteria are called Functional fit; each name must be different.", "The weights must total exactly 100; they total 90 now."],
            refusal.Errors[nameof(CriteriaDraft.Criteria)]);
        Assert.Equal(7, (await _selection.SelectionAsync()).Criteria.Count);
    }

    [Fact]
    public async Task Criteria_are_renamed_reweighted_and_marked_must_have_keeping_the_scores_already_given()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        var selection = await _selection.SelectionAsync();
        var draft = CriteriaDraft.From(selection.Criteria);
        draft.Criteria[0].Name = "Fit to our dealer processes";
        draft.Criteria[0].Weight = 20;
        draft.Criteria[4].MustHave = true;
        draft.Criteria.Add(new CriterionDraft { Name = "Accessibility", Weight = 5 });

        await _selection.Commands.ReviseCriteriaAsync(_selection.Code, draft, selection.Version);

        var revised = await _selection.SelectionAsync();
        Assert.Equal(("Fit to our dealer processes", 20, false), (revised.Criteria[0].Name, revised.Criteria[0].Weight, revised.Criteria[0].MustHave));
        Assert.True(revised.Criteria.Single(c => c.Name == "Security").MustHave);
        Assert.Equal(4, revised.MyScores[(_selection.Acme, revised.Criteria[0].Id)]);

        // Scored 4 on everything but the new Accessibility criterion: 4/5 x 95 = 76.
        Assert.Equal(76m, revised.Ranking.Single(r => r.VendorId == _selection.Acme).Total);
    }

    [Fact]
    public async Task A_criteria_edit_against_an_older_version_is_a_conflict_naming_who_changed_it()
    {
        await _selection.SelectionWithCandidatesAsync();
        var selection = await _selection.SelectionAsync();
        await _database.PlayAsync(Accounts.Admin);
        await _selection.Commands.ReviseCriteriaAsync(_selection.Code, CriteriaDraft.From(selection.Criteria.Reverse()), selection.Version);

        await _database.PlayAsync(Accounts.Training);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _selection.Commands.ReviseCriteriaAsync(
            _selection.Code, SelectionScenario.Criteria(("Functional fit", 100, false)), selection.Version));

        Assert.StartsWith("Alex Admin changed this vendor selection", conflict.Message);
        Assert.Equal(7, (await _selection.SelectionAsync()).Criteria.Count);
    }

    [Fact]
    public async Task Evaluators_scoring_never_conflict_with_each_other_nor_with_the_owner_editing_the_criteria()
    {
        var selection = await _selection.SelectionWithCandidatesAsync();
        await _database.PlayAsync(Accounts.ItLead);
        await _selection.ScoreAsync(_selection.Acme, 3);
        await _database.PlayAsync(Accounts.Training);
        await _selection.ScoreAsync(_selection.Acme, 5);

        // Tara edits with the version she loaded before anybody scored: scores did not make it stale.
        var draft = CriteriaDraft.From(selection.Criteria);
        draft.Criteria[1].Name = "Ease of use";
        await _selection.Commands.ReviseCriteriaAsync(_selection.Code, draft, selection.Version);

        var now = await _selection.SelectionAsync();
        Assert.Equal(80m, now.Ranking.Single(r => r.VendorId == _selection.Acme).Total);
        Assert.All(now.Evaluators, e => Assert.Equal((7, 14, false), (e.Scored, e.Expected, e.IsPending)));
    }

    [Fact]
    public async Task An_evaluator_who_has_not_scored_is_pending_and_the_ranking_uses_the_others()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        await _selection.ScoreAsync(_selection.Bright, 5, ("Pricing and total cost", 2));

        var selection = await _selection.SelectionAsync();

        Assert.Equal([("Ivan IT", true), ("Tara Training", false)], selection.Evaluators.Select(e => (e.DisplayName, e.IsPending)));
        Assert.Equal([("Bright LMS", 1, 88m), ("Acme Learning", 2, 80m)], selection.Ranking.Select(r => (r.VendorName, r.Rank!.Value, r.Total)));
    }

    [Fact]
    public async Task A_one_on_a_must_have_rules_the_candidate_out_and_it_cannot_win()
    {
        var selection = await _selection.SelectionWithCandidatesAsync();
        var draft = CriteriaDraft.From(selection.Criteria);
        draft.Criteria.Single(c => c.Name == "Security").MustHave = true;
        await _selection.Commands.ReviseCriteriaAsync(_selection.Code, draft, selection.Version);
        await _selection.ScoreAsync(_selection.Acme, 5);
        await _database.PlayAsync(Accounts.ItLead);
        await _selection.ScoreAsync(_selection.Acme, 5, ("Security", 1));

        await _database.PlayAsync(Accounts.Training);
        var acme = (await _selection.SelectionAsync()).Ranking.Single(r => r.VendorId == _selection.Acme);
        Assert.Equal((true, (int?)null), (acme.RuledOut, acme.Rank));
        Assert.Equal(["Security"], acme.KnockOuts);
        var refusal = await Assert.ThrowsAsync<DomainException>(
            async () => await _selection.Commands.ChooseWinnerAsync(_selection.Code, _selection.Acme, await _selection.VersionAsync()));
        Assert.Equal("Acme Learning is ruled out (scored 1 on Security); it cannot win.", refusal.Message);
    }

    [Fact]
    public async Task Choosing_the_winner_closes_the_selection_and_proposes_its_engagement_on_the_rollout()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Bright, 4);

        await _selection.Commands.ChooseWinnerAsync(_selection.Code, _selection.Bright, await _selection.VersionAsync());

        var selection = await _selection.SelectionAsync();
        Assert.Equal((SelectionStatus.Decided, "Bright LMS", "Tara Training"), (selection.Status, selection.Decision!.WinnerName, selection.Decision.DecidedBy));
        await using var db = await _database.CreateDbContextAsync();
        var engagement = await EngagementStore.Whole(db).SingleAsync(e => e.Id == selection.Decision.EngagementId);
        Assert.Equal((_selection.Bright, EngagementType.LmsPlatform, EngagementStatus.Proposed), (engagement.VendorId, engagement.Type, engagement.Status));
        Assert.NotEmpty(engagement.Requirements);
        var closed = await Assert.ThrowsAsync<DomainException>(() => _selection.ScoreAsync(_selection.Acme, 3));
        Assert.Equal("The winner has been chosen; this selection is closed and no longer changes.", closed.Message);
    }

    [Fact]
    public async Task A_panel_member_who_has_scored_stays_and_only_training_managers_and_IT_leads_join()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 3);
        var exec = await _database.PlayAsync(Accounts.Executive);
        var itLead2 = await _database.PlayAsync(Accounts.ItLead2);
        var tara = await _database.PlayAsync(Accounts.Training);

        var notEvaluator = await Assert.ThrowsAsync<DomainException>(
            async () => await _selection.Commands.AddEvaluatorAsync(_selection.Code, exec.UserId, await _selection.VersionAsync()));
        var scored = await Assert.ThrowsAsync<DomainException>(
            async () => await _selection.Commands.RemoveEvaluatorAsync(_selection.Code, tara.UserId, await _selection.VersionAsync()));
        await _selection.Commands.AddEvaluatorAsync(_selection.Code, itLead2.UserId, await _selection.VersionAsync());

        Assert.Equal("Evaluators are training managers or IT leads.", notEvaluator.Message);
        Assert.Equal("This evaluator has already scored; their scores count, so they stay on the panel.", scored.Message);
        Assert.Equal(3, (await _selection.SelectionAsync()).Evaluators.Count);
    }

    [Fact]
    public async Task Nobody_who_left_joins_the_panel()
    {
        await _selection.SelectionWithCandidatesAsync();
        var itLead2 = await _database.PlayAsync(Accounts.ItLead2);
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<ElearningRollout.Application.Administration.UserCommands>().SetDisabledAsync(itLead2.UserId, true);
        await _database.PlayAsync(Accounts.Training);
        var before = await _selection.SelectionAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(
            async () => await _selection.Commands.AddEvaluatorAsync(_selection.Code, itLead2.UserId, await _selection.VersionAsync()));

        Assert.Equal("That person's account is disabled: choose an active training manager or IT lead.", refused.Message);
        Assert.Equal(before.Evaluators.Count, (await _selection.SelectionAsync()).Evaluators.Count);
    }

    [Fact]
    public async Task The_page_reads_in_a_fixed_number_of_statements()
    {
        await _selection.SelectionWithCandidatesAsync();
        await _selection.ScoreAsync(_selection.Acme, 4);
        await _selection.ScoreAsync(_selection.Bright, 4);

        _database.Statements.Reset();
        await _selection.Queries.GetAsync(_selection.Code);

        // Rollout, selection and its four owned collections (split), vendor names, people's names.
        Assert.InRange(_database.Statements.Count, 1, 8);
    }
}
