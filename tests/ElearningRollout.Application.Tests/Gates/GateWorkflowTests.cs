using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>The clearance workflow through the application layer, on SQLite, as each role.</summary>
public sealed class GateWorkflowTests : IAsyncLifetime
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
    public async Task Submitting_goes_to_the_IT_liaison_with_ten_working_days_and_notifies_them()
    {
        var gate = await GateAsync(GateKind.SecurityReview);

        await Commands.SubmitAsync(gate.Id, null, null, gate.Version);

        var submitted = await ReloadAsync(gate);
        Assert.Equal((GateState.Submitted, "Ivan IT"), (submitted.State, submitted.Reviewer!.DisplayName));
        Assert.Equal(new DateOnly(2026, 11, 16), submitted.DueDate); // Monday 2 Nov + 10 working days
        await _database.PlayAsync(Accounts.ItLead);
        var inbox = await _database.Get<NotificationQueries>().ListAsync(unreadOnly: true, new PageRequest());
        var notice = Assert.Single(inbox.Items);
        Assert.Equal((NotificationKind.GateSubmittedToMe, $"/gates/{gate.Id}"), (notice.Kind, notice.Link));
    }

    [Fact]
    public async Task A_gate_is_not_submitted_to_a_reviewer_who_left_and_after_the_liaison_left_it_is_offered_to_every_IT_lead()
    {
        var gate = await GateAsync(GateKind.SecurityReview);
        var liaison = await _database.PlayAsync(Accounts.ItLead);
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<ElearningRollout.Application.Administration.UserCommands>().SetDisabledAsync(liaison.UserId, true);
        await _database.PlayAsync(Accounts.Training);

        var picked = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.SubmitAsync(gate.Id, liaison.UserId, null, gate.Version));

        Assert.Equal(["Choose a reviewer from the list: that person has no active account."], picked.Errors[nameof(GateSubmissionDraft.ReviewerId)]);
        var unchanged = await ReloadAsync(gate);
        Assert.Equal((GateState.Draft, gate.Version), (unchanged.State, unchanged.Version));
        Assert.Null(unchanged.DefaultReviewer);
        Assert.DoesNotContain(unchanged.ReviewerChoices, p => p.Id == liaison.UserId);

        await Commands.SubmitAsync(gate.Id, null, null, gate.Version);

        var submitted = await ReloadAsync(gate);
        Assert.Equal((GateState.Submitted, null), (submitted.State, submitted.Reviewer));
    }

    [Fact]
    public async Task Only_the_training_owner_fills_in_and_submits()
    {
        var gate = await GateAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.ItLead);

        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.SubmitAsync(gate.Id, null, null, gate.Version));
        await Assert.ThrowsAsync<AccessRefusedException>(
            () => Commands.SetChecklistItemAsync(gate.Id, gate.Checklist[0].Id, ChecklistItemState.Met, null, gate.Version));
    }

    [Fact]
    public async Task A_gate_with_an_open_required_item_cannot_be_approved()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview, meetChecklist: false);
        await _database.PlayAsync(Accounts.ItLead);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.DecideAsync(gate.Id, Approve(), gate.Version));

        Assert.StartsWith("The gate cannot be approved while", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(GateState.Submitted, (await ReloadAsync(gate)).State);
    }

    [Theory]
    [InlineData(Accounts.Executive, "Only an IT lead can decide the Security review gate.")]
    [InlineData(Accounts.Admin, "Only an IT lead can decide the Security review gate.")]
    public async Task Only_IT_leads_decide_IT_gates(string email, string message)
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        await _database.PlayAsync(email);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.DecideAsync(gate.Id, Approve(), gate.Version));

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public async Task Rejecting_needs_a_rationale_beside_the_field()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.ItLead);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Commands.DecideAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Reject }, gate.Version));

        Assert.Equal(["Write why: a rejection or conditions need a rationale."], failure.Errors[nameof(GateDecisionDraft.Rationale)]);
    }

    [Fact]
    public async Task A_condition_is_met_by_its_owner_not_by_the_reviewer_and_the_decision_reaches_the_submitter()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        var owner = await _database.PlayAsync(Accounts.Training);
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.DecideAsync(gate.Id, new GateDecisionDraft
        {
            Decision = DecisionKind.ApproveWithConditions,
            Rationale = "Pen test summary still to come.",
            Conditions = [new ConditionDraft { Text = "Send the pen test summary", OwnerId = owner.UserId, DueDate = new DateOnly(2026, 12, 1) }],
        }, gate.Version);
        var decided = await ReloadAsync(gate);
        var condition = Assert.Single(decided.Conditions);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.MeetConditionAsync(gate.Id, condition.Id, decided.Version));
        await _database.PlayAsync(Accounts.Training);
        await Commands.MeetConditionAsync(gate.Id, condition.Id, decided.Version);

        Assert.Equal("Only the owner of a condition can mark it met.", refusal.Message);
        Assert.NotNull(Assert.Single((await ReloadAsync(gate)).Conditions).MetAt);
        var inbox = (await _database.Get<NotificationQueries>().ListAsync(false, new PageRequest())).Items;
        Assert.Contains(inbox, n => n.Kind == NotificationKind.DecisionOnMyGate && n.Title == $"Security review of {_code} approved with conditions");
        Assert.Contains(inbox, n => n.Kind == NotificationKind.ConditionAssignedToMe);
    }

    [Fact]
    public async Task A_reviewer_cannot_own_the_condition_they_set_and_an_owner_must_have_an_active_account()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        var disabled = await _database.PlayAsync(Accounts.Training2);
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<ElearningRollout.Application.Administration.UserCommands>().SetDisabledAsync(disabled.UserId, true);
        var reviewer = await _database.PlayAsync(Accounts.ItLead);

        var self = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.DecideAsync(gate.Id, WithCondition(reviewer.UserId), gate.Version));
        var inactive = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.DecideAsync(gate.Id, WithCondition(disabled.UserId), gate.Version));
        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.DecideAsync(gate.Id, WithCondition("no-such-user"), gate.Version));

        Assert.Equal(["You are deciding this gate: a condition is met by someone else, so choose another owner."], self.Errors["Conditions[0].OwnerId"]);
        Assert.Equal(["Choose an owner from the list: that person has no active account."], inactive.Errors["Conditions[0].OwnerId"]);
        Assert.Equal(["Choose an owner from the list: that person has no active account."], unknown.Errors["Conditions[0].OwnerId"]);
        var unchanged = await ReloadAsync(gate);
        Assert.Equal((gate.Version, 0), (unchanged.Version, unchanged.Conditions.Count));
    }

    [Fact]
    public async Task A_reviewer_who_owns_a_condition_from_before_the_rule_still_cannot_mark_it_met()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        var owner = await _database.PlayAsync(Accounts.Training);
        var reviewer = await _database.PlayAsync(Accounts.ItLead);
        await Commands.DecideAsync(gate.Id, WithCondition(owner.UserId), gate.Version);
        await using (var db = await _database.CreateDbContextAsync())
        {
            // A condition recorded before reviewers were kept out of the owners.
            await db.Database.ExecuteSqlAsync($"UPDATE GateConditions SET OwnerId = {reviewer.UserId}");
        }

        var decided = await ReloadAsync(gate);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.MeetConditionAsync(gate.Id, decided.Conditions[0].Id, decided.Version));

        Assert.Equal("A condition is met by its owner, not by the reviewer who set it.", refusal.Message);
        Assert.Null((await ReloadAsync(gate)).Conditions[0].MetAt);
    }

    [Fact]
    public async Task The_reviewer_is_not_offered_as_the_owner_of_a_condition()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        var reviewer = await _database.PlayAsync(Accounts.ItLead);

        var owners = (await Queries.GetAsync(gate.Id))!.ConditionOwnerChoices.Select(p => p.Id).ToList();

        Assert.DoesNotContain(reviewer.UserId, owners);
        Assert.Contains((await _database.PlayAsync(Accounts.ItLead2)).UserId, owners);
        Assert.Contains((await _database.PlayAsync(Accounts.Training)).UserId, owners);
    }

    private static GateDecisionDraft WithCondition(string ownerId) => new()
    {
        Decision = DecisionKind.ApproveWithConditions,
        Rationale = "Pen test summary still to come.",
        Conditions = [new ConditionDraft { Text = "Send the pen test summary", OwnerId = ownerId, DueDate = new DateOnly(2026, 12, 1) }],
    };

    [Fact]
    public async Task A_rejected_gate_is_resubmitted_as_a_new_round_and_the_first_decision_stays()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.DecideAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "No SOC 2 report." }, gate.Version);
        await _database.PlayAsync(Accounts.Training);

        var rejected = await ReloadAsync(gate);
        await Commands.SubmitAsync(gate.Id, null, null, rejected.Version);

        var rounds = (await ReloadAsync(gate)).Rounds;
        Assert.Equal([2, 1], rounds.Select(r => r.Number));
        Assert.Equal((GateDecision.Rejected, "No SOC 2 report."), (rounds[1].Decision!.Value, rounds[1].Rationale!));
        Assert.Null(rounds[0].Decision);
    }

    [Fact]
    public async Task Two_IT_leads_deciding_at_once_store_exactly_one_decision_and_the_other_is_told_who()
    {
        var gate = await SubmittedAsync(GateKind.SecurityReview);
        var first = await _database.PlayAsync(Accounts.ItLead);
        var second = await _database.PlayAsync(Accounts.ItLead2);

        // Two circuits, each with its own actor, racing from the same version.
        var one = new SqliteTestDatabaseActorScope(_database, first);
        var two = new SqliteTestDatabaseActorScope(_database, second);
        var results = await Task.WhenAll(
            Capture(() => one.Commands.DecideAsync(gate.Id, Approve("Looks right."), gate.Version)),
            Capture(() => two.Commands.DecideAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "Missing report." }, gate.Version)));

        Assert.Single(results, r => r is null);
        var loser = Assert.Single(results, r => r is not null);
        Assert.IsType<ConcurrencyConflictException>(loser);
        var stored = await ReloadAsync(gate);
        var decided = Assert.Single(stored.Rounds);
        Assert.NotNull(decided.Decision);
        Assert.Contains(decided.DecidedBy!, loser!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_live_sign_off_is_refused_while_other_gates_are_uncleared()
    {
        var gate = await SubmittedAsync(GateKind.GoLiveSignOff);
        await _database.PlayAsync(Accounts.Executive);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.SignOffAsync(gate.Id, null, gate.Version));

        Assert.StartsWith("Go-live sign-off needs every required gate cleared first", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_executive_waives_a_gate_with_a_rationale_and_its_phase_can_complete()
    {
        var budget = await GateAsync(GateKind.BudgetAgreement);
        await _database.PlayAsync(Accounts.Executive);

        await Assert.ThrowsAsync<DomainException>(() => Commands.WaiveAsync(budget.Id, " ", budget.Version));
        await Commands.WaiveAsync(budget.Id, "Centrally funded this year.", budget.Version);

        await _database.PlayAsync(Accounts.Training);
        var rollouts = _database.Get<RolloutCommands>();
        var catalog = _database.Get<RolloutQueries>();
        await rollouts.ActivateAsync(_code, (await catalog.GetAsync(_code))!.Version);
        await rollouts.CompleteCurrentPhaseAsync(_code, (await catalog.GetAsync(_code))!.Version);
        Assert.Equal(PhaseKind.Assessment, (await catalog.GetAsync(_code))!.CurrentPhase);
    }

    [Fact]
    public async Task The_review_queue_shows_mine_first_and_is_only_for_deciders()
    {
        await SubmittedAsync(GateKind.SecurityReview);
        await SubmittedAsync(GateKind.InfrastructureAndNetwork, reviewerEmail: Accounts.ItLead2);
        await _database.PlayAsync(Accounts.ItLead2);

        var queue = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());
        // Executives may open the queue, but IT leads decide these gates under the policies as shipped.
        await _database.PlayAsync(Accounts.Executive);
        var executives = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());
        await _database.PlayAsync(Accounts.Training);

        Assert.Equal([GateKind.InfrastructureAndNetwork, GateKind.SecurityReview], queue.Items.Select(r => r.Kind));
        Assert.True(queue.Items[0].IsMine);
        Assert.Empty(executives.Items);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest()));
    }

    [Fact]
    public async Task Checklist_items_carry_the_glossary_terms_they_use()
    {
        var gate = await GateAsync(GateKind.PrivacyAndDataProtection);

        var sso = gate.Checklist.First(i => i.Text.StartsWith("Single sign-on", StringComparison.Ordinal));

        Assert.Contains(sso.Terms, t => t.Term == "SAML / OIDC");
    }

    private static GateDecisionDraft Approve(string rationale = "") => new() { Decision = DecisionKind.Approve, Rationale = rationale };

    private static async Task<Exception?> Capture(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception failure)
        {
            return failure;
        }
    }

    private async Task<GateDetails> GateAsync(GateKind kind)
    {
        var id = (await _database.Get<RolloutQueries>().GetAsync(_code))!.Gates.Single(g => g.Kind == kind).Id;
        return (await Queries.GetAsync(id))!;
    }

    private async Task<GateDetails> ReloadAsync(GateDetails gate) => (await Queries.GetAsync(gate.Id))!;

    private async Task<GateDetails> SubmittedAsync(GateKind kind, bool meetChecklist = true, string? reviewerEmail = null)
    {
        var reviewer = reviewerEmail is null ? null : (await _database.PlayAsync(reviewerEmail)).UserId;
        await _database.PlayAsync(Accounts.Training);
        var gate = await GateAsync(kind);
        if (meetChecklist)
        {
            foreach (var item in gate.Checklist)
            {
                await Commands.SetChecklistItemAsync(gate.Id, item.Id, ChecklistItemState.Met, "Filed.", (await ReloadAsync(gate)).Version);
            }
        }

        await Commands.SubmitAsync(gate.Id, reviewer, null, (await ReloadAsync(gate)).Version);
        return await ReloadAsync(gate);
    }
}
