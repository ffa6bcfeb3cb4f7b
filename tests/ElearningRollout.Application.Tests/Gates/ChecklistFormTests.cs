using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// The gate page's checklist form through the application layer, on SQLite: several items in one save, each item its own
/// concurrency unit, and what the page is told about who may act and why not.
/// </summary>
public sealed class ChecklistFormTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        await _database.PlayAsync(Accounts.Training);
        _code = await _database.Get<RolloutCommands>().CreateAsync(draft);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private GateCommands Commands => _database.Get<GateCommands>();

    private GateQueries Queries => _database.Get<GateQueries>();

    [Fact]
    public async Task Several_items_are_saved_in_one_save_in_the_owners_name()
    {
        var gate = await GateAsync(GateKind.SecurityReview);

        await Commands.SetChecklistItemsAsync(gate.Id,
        [
            Change(gate.Checklist[0], ChecklistItemState.Met, "  Data map filed  "),
            Change(gate.Checklist[1], ChecklistItemState.NotApplicable, "No personal data"),
            Change(gate.Checklist[2], ChecklistItemState.Failed, null),
        ]);

        var saved = await ReloadAsync(gate);
        Assert.Equal(
            [(ChecklistItemState.Met, "Data map filed"), (ChecklistItemState.NotApplicable, "No personal data"), (ChecklistItemState.Failed, null)],
            saved.Checklist.Take(3).Select(i => (i.State, i.Evidence)));
        Assert.All(saved.Checklist.Take(3), i => Assert.Equal("Tara Training", i.SetBy));
        Assert.Single(saved.Checklist.Take(3).Select(i => i.SetAt).Distinct());
        Assert.NotEqual(gate.Version, saved.Version);
    }

    [Fact]
    public async Task An_item_someone_else_set_meanwhile_refuses_the_whole_save_and_names_who_and_when()
    {
        var seen = await GateAsync(GateKind.SecurityReview);
        var third = seen.Checklist[2];
        await _database.PlayAsync(Accounts.Admin);
        _database.Clock.Advance(TimeSpan.FromMinutes(7));
        await Commands.SetChecklistItemsAsync(seen.Id, [Change(third, ChecklistItemState.Failed, "Questionnaire not returned")]);
        var adminsVersion = (await ReloadAsync(seen)).Version;
        await _database.PlayAsync(Accounts.Training);

        var conflict = await Assert.ThrowsAsync<ChecklistConflictException>(() => Commands.SetChecklistItemsAsync(seen.Id,
        [
            Change(seen.Checklist[0], ChecklistItemState.Met, "Filed"),
            Change(seen.Checklist[1], ChecklistItemState.Met, "Filed"),
            Change(third, ChecklistItemState.Met, "Returned yesterday"),
            Change(seen.Checklist[3], ChecklistItemState.Met, "Filed"),
        ]));

        var item = Assert.Single(conflict.Conflicts);
        Assert.Equal((third.Id, 3, "Alex Admin", ChecklistItemState.Failed, "Questionnaire not returned"), (item.ItemId, item.Order, item.SetBy, item.State, item.Evidence));
        Assert.Equal(_database.Clock.GetUtcNow(), item.SetAt);
        Assert.StartsWith("Alex Admin set item 3 at 2026-11-02 09:07 UTC", conflict.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ConcurrencyConflictException>(conflict);
        // None of the others was written: one form, one outcome.
        var after = await ReloadAsync(seen);
        Assert.Equal(adminsVersion, after.Version);
        Assert.Equal(
            [ChecklistItemState.Open, ChecklistItemState.Open, ChecklistItemState.Failed, ChecklistItemState.Open],
            after.Checklist.Take(4).Select(i => i.State));
    }

    [Fact]
    public async Task Once_shown_the_other_setting_the_person_saves_over_it_together_with_the_rest()
    {
        var seen = await GateAsync(GateKind.SecurityReview);
        var third = seen.Checklist[2];
        await _database.PlayAsync(Accounts.Admin);
        await Commands.SetChecklistItemsAsync(seen.Id, [Change(third, ChecklistItemState.Failed, "Questionnaire not returned")]);
        await _database.PlayAsync(Accounts.Training);
        var conflict = await Assert.ThrowsAsync<ChecklistConflictException>(() => Commands.SetChecklistItemsAsync(seen.Id,
            [Change(seen.Checklist[0], ChecklistItemState.Met, "Filed"), Change(third, ChecklistItemState.Met, "Returned yesterday")]));

        await Commands.SetChecklistItemsAsync(seen.Id,
        [
            Change(seen.Checklist[0], ChecklistItemState.Met, "Filed"),
            new ChecklistItemChange(third.Id, ChecklistItemState.Met, "Returned yesterday", conflict.Conflicts[0].SetAt),
        ]);

        var after = await ReloadAsync(seen);
        Assert.Equal([ChecklistItemState.Met, ChecklistItemState.Open, ChecklistItemState.Met], after.Checklist.Take(3).Select(i => i.State));
        Assert.Equal("Returned yesterday", after.Checklist[2].Evidence);
    }

    [Fact]
    public async Task Items_set_by_someone_else_that_the_person_did_not_change_do_not_conflict()
    {
        var seen = await GateAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.Admin);
        await Commands.SetChecklistItemsAsync(seen.Id, [Change(seen.Checklist[3], ChecklistItemState.Met, "Admin filed it")]);
        await _database.PlayAsync(Accounts.Training);

        await Commands.SetChecklistItemsAsync(seen.Id, [Change(seen.Checklist[0], ChecklistItemState.Met, "Filed")]);

        var after = await ReloadAsync(seen);
        Assert.Equal(("Tara Training", "Alex Admin"), (after.Checklist[0].SetBy, after.Checklist[3].SetBy));
    }

    [Fact]
    public async Task Only_the_training_owner_or_an_administrator_saves_the_checklist_and_a_refusal_writes_nothing()
    {
        var gate = await GateAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.Training2);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() =>
            Commands.SetChecklistItemsAsync(gate.Id, [Change(gate.Checklist[0], ChecklistItemState.Met, "Filed")]));

        Assert.Equal("Only the rollout's training owner or an administrator can fill in and submit this gate.", refusal.Message);
        Assert.Equal(gate.Version, (await ReloadAsync(gate)).Version);
    }

    [Fact]
    public async Task An_empty_save_and_an_item_twice_are_refused()
    {
        var gate = await GateAsync(GateKind.SecurityReview);

        var empty = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => Commands.SetChecklistItemsAsync(gate.Id, []));
        var twice = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => Commands.SetChecklistItemsAsync(gate.Id,
            [Change(gate.Checklist[0], ChecklistItemState.Met, "a"), Change(gate.Checklist[0], ChecklistItemState.Failed, "b")]));

        Assert.Equal("There are no checklist changes to save.", empty.Message);
        Assert.Equal("Each checklist item can be changed only once in one save.", twice.Message);
    }

    [Fact]
    public async Task A_training_manager_on_someone_elses_draft_gate_is_told_why_not_and_who_acts()
    {
        var gate = await GateAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.Training2);

        var seen = await ReloadAsync(gate);

        Assert.True(seen.Can.Nothing);
        Assert.False(seen.Can.OffersSubmit);
        Assert.Equal("Only the rollout's training owner or an administrator can fill in and submit this gate.", seen.Why.EditChecklist);
        Assert.Equal(seen.Why.EditChecklist, seen.Why.Submit);
        Assert.Equal("Only an IT lead can decide the Security review gate.", seen.Why.Decide);
        Assert.Equal("Only an executive can waive a gate.", seen.Why.Waive);
        Assert.Equal(
            [("Training owner", "Tara Training", "training@elearning.test"), ("IT liaison", "Ivan IT", "itlead@elearning.test")],
            seen.WhoActs.Contacts.Select(c => (c.Part, c.DisplayName, c.Email)));
        Assert.StartsWith("Any IT lead may decide this gate once it is submitted", seen.WhoActs.Deciders, StringComparison.Ordinal);
        // A training manager who does not own the rollout cannot comment on its gates, so e-mail is the way to ask.
        Assert.Equal("To ask for a change, e-mail the person whose part it is.", seen.WhoActs.HowToAsk);
    }

    [Fact]
    public async Task The_submitter_who_is_also_an_IT_lead_is_offered_the_decision_disabled_with_the_gates_reason()
    {
        var gate = await GateAsync(GateKind.SecurityReview);
        foreach (var item in gate.Checklist)
        {
            await Commands.SetChecklistItemAsync(gate.Id, item.Id, ChecklistItemState.Met, "Filed.", (await ReloadAsync(gate)).Version);
        }

        await Commands.SubmitAsync(gate.Id, null, null, (await ReloadAsync(gate)).Version);

        var owner = await ReloadAsync(gate);
        await _database.PlayAsync(Accounts.ItLead);
        var itLead = await ReloadAsync(gate);

        Assert.Equal((false, true), (owner.Can.Submit, owner.Can.OffersSubmit));
        Assert.Equal("The Security review gate is already submitted for review.", owner.Why.Submit);
        Assert.Equal((true, true, null), (itLead.Can.Decide, itLead.Can.OffersDecision, itLead.Why.Decide));
        Assert.Equal("Tara Training", itLead.LastChange?.By);
    }

    private static ChecklistItemChange Change(ChecklistItemView item, ChecklistItemState state, string? evidence)
        => new(item.Id, state, evidence, item.SetAt);

    private async Task<GateDetails> GateAsync(GateKind kind)
    {
        var id = (await _database.Get<RolloutQueries>().GetAsync(_code))!.Gates.Single(g => g.Kind == kind).Id;
        return (await Queries.GetAsync(id))!;
    }

    private async Task<GateDetails> ReloadAsync(GateDetails gate) => (await Queries.GetAsync(gate.Id))!;
}
