using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// Approval policies, several reviewers and stand-ins through the application layer on real SQLite: an administrator
/// publishes a policy, a submission goes to its reviewers, each decides on their own, a stand-in decides for an absent
/// reviewer, an administrator reassigns, and two reviewers deciding at the same moment both keep their decisions.
/// </summary>
public sealed class ApprovalPolicyCommandTests : IAsyncLifetime
{
    private const string StandInEmail = "sam.standin@elearning.test";
    private readonly SqliteTestDatabase _database = new();
    private string _ivan = "";
    private string _iris = "";
    private string _sam = "";
    private string _erin = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _ivan = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        _iris = (await _database.PlayAsync(Accounts.ItLead2)).UserId;
        _erin = (await _database.PlayAsync(Accounts.Executive)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<UserCommands>().CreateAsync(new NewUserDraft { DisplayName = "Sam Standin", Email = StandInEmail, Department = "IT", Roles = [Roles.ItLead] });
        _sam = (await _database.PlayAsync(StandInEmail)).UserId;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private GateCommands Commands => _database.Get<GateCommands>();

    private GateQueries Queries => _database.Get<GateQueries>();

    private async Task<int> PublishAsync(
        ApprovalRule rule, int m = 1, List<string>? named = null, List<ReviewerGroupDraft>? groups = null, int days = 5, string decidingRole = "")
    {
        await _database.PlayAsync(Accounts.Admin);
        var template = (await _database.Get<TemplateQueries>().PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == GateKind.SecurityReview);
        var draft = new ApprovalPolicyDraft
        {
            Rule = rule, RequiredApprovals = m, NamedReviewerIds = named ?? [], Groups = groups ?? [], DeadlineWorkingDays = days, EscalateToId = _erin,
            DecidingRole = decidingRole,
        };
        return await _database.Get<TemplateCommands>().PublishApprovalPolicyAsync(GateKind.SecurityReview, draft, template.Version);
    }

    private Task<int> SecurityAndInfrastructureAsync() => PublishAsync(ApprovalRule.OneFromEachGroup, groups:
    [
        new ReviewerGroupDraft { Name = "IT security", MemberIds = [_ivan] },
        new ReviewerGroupDraft { Name = "Infrastructure", MemberIds = [_iris, _sam] },
    ]);

    /// <summary>A new rollout's security review (Ivan its IT liaison, Erin its executive sponsor), its checklist met, submitted by Tara or <paramref name="submitter"/>.</summary>
    private async Task<GateDetails> SubmittedAsync(string submitter = Accounts.Training)
    {
        await _database.PlayAsync(submitter);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = _ivan;
        draft.ExecutiveSponsorId = _erin;
        var code = await _database.Get<RolloutCommands>().CreateAsync(draft);
        var rollout = (await _database.Get<RolloutQueries>().GetAsync(code))!;
        var gateId = rollout.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        var gate = (await Queries.GetAsync(gateId))!;
        await Commands.SetChecklistItemsAsync(gate.Id, [.. gate.Checklist.Select(i => new ChecklistItemChange(i.Id, ChecklistItemState.Met, "Filed.", i.SetAt))]);
        await Commands.SubmitAsync(gate.Id, null, null, (await Queries.GetAsync(gate.Id))!.Version);
        return (await Queries.GetAsync(gate.Id))!;
    }

    private static GateDecisionDraft Approve(string rationale = "Fine.") => new() { Decision = DecisionKind.Approve, Rationale = rationale };

    private async Task<IReadOnlyList<NotificationRow>> InboxAsync(string email)
    {
        await _database.PlayAsync(email);
        return (await _database.Get<NotificationQueries>().ListAsync(unreadOnly: false, new PageRequest())).Items;
    }

    [Fact]
    public async Task A_published_policy_is_the_one_a_submission_records_with_its_reviewers_and_deadline()
    {
        var version = await SecurityAndInfrastructureAsync();

        var gate = await SubmittedAsync();

        Assert.Equal(2, version);
        Assert.Equal(2, gate.Reviewing!.PolicyVersion);
        Assert.Equal("one IT lead from each of Infrastructure and IT security", gate.Reviewing.Policy);
        Assert.Equal(["Iris Infra", "Sam Standin", "Ivan IT"], gate.Reviewing.Reviews.Select(r => r.Reviewer!.DisplayName));
        Assert.All(gate.Reviewing.Reviews, r => Assert.Equal(new DateOnly(2026, 11, 9), r.DueDate)); // Monday 2 Nov + 5 working days
        Assert.Contains(await InboxAsync(Accounts.ItLead2), n => n.Kind == NotificationKind.GateSubmittedToMe && n.Link == $"/gates/{gate.Id}");
        Assert.Contains(await InboxAsync(StandInEmail), n => n.Kind == NotificationKind.GateSubmittedToMe && n.Link == $"/gates/{gate.Id}");
    }

    [Fact]
    public async Task Pending_reviewers_are_reminded_at_half_time_and_on_the_due_day_and_an_overdue_review_escalates_once()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris], days: 5);
        var gate = await SubmittedAsync(); // Monday 2 November, due Monday 9 November; half-time is Wednesday 4 November
        var scanner = NewScanner();

        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder);

        _database.Clock.Advance(TimeSpan.FromDays(2));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder && n.Title.StartsWith("Half the review time has passed", StringComparison.Ordinal));
        Assert.Single(await InboxAsync(Accounts.ItLead2), n => n.Kind == NotificationKind.ReviewReminder);

        // Ivan decides; only Iris is still reminded on the due day.
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(gate.Id, Approve("Pen test read."));
        _database.Clock.Advance(TimeSpan.FromDays(5));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder);
        Assert.Single(await InboxAsync(Accounts.ItLead2), n => n.Kind == NotificationKind.ReviewReminder && n.Title.StartsWith("Review due today", StringComparison.Ordinal));

        // Overdue: the policy's escalation person is told once, naming the reviewer, however often the scan runs.
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await scanner.ScanAsync(CancellationToken.None);
        await scanner.ScanAsync(CancellationToken.None);
        var escalated = Assert.Single(await InboxAsync(Accounts.Executive), n => n.Kind == NotificationKind.ReviewEscalated);
        Assert.Equal($"/gates/{gate.Id}", escalated.Link);
        Assert.Contains("Iris Infra's review", escalated.Title, StringComparison.Ordinal);
        Assert.Contains("overdue since 2026-11-09", escalated.Title, StringComparison.Ordinal);

        // The overdue notice goes to whoever still holds a review (Iris), once; not to Ivan, who decided, though he is
        // the IT liaison the notice went to before reviews were recorded one by one.
        Assert.Single(await InboxAsync(Accounts.ItLead2), n => n.Kind == NotificationKind.GateOverdue && n.Title.StartsWith("Overdue since 2026-11-09", StringComparison.Ordinal));
        Assert.DoesNotContain(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.GateOverdue);
    }

    [Fact]
    public async Task An_IT_gate_executives_decide_is_offered_to_the_sponsor_and_queued_for_executives_not_IT_leads()
    {
        await PublishAsync(ApprovalRule.AnyOneReviewer, decidingRole: Roles.Executive);

        // Submitted without picking a reviewer: the executive sponsor is offered it, not the IT liaison who may not decide it.
        var gate = await SubmittedAsync();
        Assert.Equal(_erin, gate.Reviewer!.Id);
        Assert.Contains(await InboxAsync(Accounts.Executive), n => n.Kind == NotificationKind.GateSubmittedToMe && n.Link == $"/gates/{gate.Id}");

        // The executives' review queue lists it; the IT leads' no longer does.
        await _database.PlayAsync(Accounts.Executive);
        var executives = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());
        await _database.PlayAsync(Accounts.ItLead);
        var itLeads = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());
        await _database.PlayAsync(Accounts.Admin);
        var administrators = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());

        var row = Assert.Single(executives.Items, r => r.GateId == gate.Id);
        Assert.True(row.IsMine);
        Assert.DoesNotContain(itLeads.Items, r => r.GateId == gate.Id);
        Assert.Contains(administrators.Items, r => r.GateId == gate.Id);
        Assert.Contains("Executive sponsor", gate.WhoActs.Contacts.Select(c => c.Part));
        Assert.Contains("Any executive may decide this gate", gate.WhoActs.Deciders, StringComparison.Ordinal);
        // What the submit panel tells the training owner about the next submission.
        Assert.Equal(("executive", "executive sponsor"), (gate.Upcoming!.DeciderName, gate.Upcoming.DefaultReviewerPart));
    }

    [Fact]
    public async Task Under_one_from_each_group_the_gate_clears_only_when_both_groups_approved_and_the_submitter_hears_once()
    {
        await SecurityAndInfrastructureAsync();
        var gate = await SubmittedAsync();

        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(gate.Id, Approve("Pen test read."));
        var halfway = (await Queries.GetAsync(gate.Id))!;
        Assert.Equal(GateState.InReview, halfway.State);
        Assert.DoesNotContain(await InboxAsync(Accounts.Training), n => n.Kind == NotificationKind.DecisionOnMyGate);

        await _database.PlayAsync(Accounts.ItLead2);
        await Commands.RecordDecisionAsync(gate.Id, Approve("Network fine."));

        var cleared = (await Queries.GetAsync(gate.Id))!;
        Assert.Equal(GateState.Approved, cleared.State);
        Assert.Single(await InboxAsync(Accounts.Training), n => n.Kind == NotificationKind.DecisionOnMyGate);
    }

    [Fact]
    public async Task Two_reviewers_deciding_at_the_same_moment_both_keep_their_decisions_and_the_outcome_is_computed_once()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris]);
        var ivan = new SqliteTestDatabaseActorScope(_database, await _database.PlayAsync(Accounts.ItLead));
        var iris = new SqliteTestDatabaseActorScope(_database, await _database.PlayAsync(Accounts.ItLead2));

        for (var race = 0; race < 8; race++)
        {
            var gate = await SubmittedAsync();

            await Task.WhenAll(
                ivan.Get<GateCommands>().RecordDecisionAsync(gate.Id, Approve($"Ivan {race}")),
                iris.Get<GateCommands>().RecordDecisionAsync(gate.Id, Approve($"Iris {race}")));

            var decided = (await Queries.GetAsync(gate.Id))!;
            Assert.Equal(GateState.Approved, decided.State);
            Assert.Equal([$"Iris {race}", $"Ivan {race}"], decided.Reviewing!.Reviews.Select(r => r.Rationale));
            var round = Assert.Single(decided.Rounds);
            Assert.Equal(GateDecision.Approved, round.Decision);
            await using var db = await _database.CreateDbContextAsync();
            Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.DecisionOnMyGate && n.Link == $"/gates/{gate.Id}"));
        }
    }

    [Fact]
    public async Task A_stand_in_decides_for_the_away_reviewer_with_both_names_and_ending_the_absence_returns_the_review()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris]);
        await _database.PlayAsync(Accounts.ItLead);
        var today = new DateOnly(2026, 11, 2);
        var absenceId = await _database.Get<StandInCommands>().SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = _sam });

        var gate = await SubmittedAsync();
        Assert.Contains(await InboxAsync(StandInEmail), n => n.Kind == NotificationKind.GateSubmittedToMe && n.Link == $"/gates/{gate.Id}");
        await _database.PlayAsync(StandInEmail);
        var asSam = (await Queries.GetAsync(gate.Id))!;
        Assert.True(asSam.Can.Decide);
        Assert.Equal("Sam Standin", asSam.Reviewing!.Reviews.Single(r => r.Reviewer!.Id == _ivan).StandIn!.DisplayName);

        await Commands.RecordDecisionAsync(gate.Id, Approve("For Ivan, who is away."));

        var review = (await Queries.GetAsync(gate.Id))!.Reviewing!.Reviews.Single(r => r.Reviewer!.Id == _ivan);
        Assert.Equal(("Sam Standin", true), (review.DecidedBy, review.DecidedForReviewer));
        await using (var db = await _database.CreateDbContextAsync())
        {
            var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(GateReview)).ToListAsync();
            Assert.Contains(audited, a => a.After is { } after && after.Contains(_ivan) && after.Contains(_sam) && a.UserId == _sam);
        }

        // A second gate: Ivan comes back, so it is his again and no longer Sam's.
        var second = await SubmittedAsync();
        await _database.PlayAsync(Accounts.ItLead);
        var absence = (await _database.Get<StandInQueries>().MineAsync()).Mine.Single(a => a.Id == absenceId);
        await _database.Get<StandInCommands>().EndAwayAsync(absenceId, absence.Version);
        await _database.PlayAsync(StandInEmail);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Commands.RecordDecisionAsync(second.Id, Approve()));
        Assert.Contains("not one of this gate's reviewers", refusal.Message);
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(second.Id, Approve());
    }

    [Fact]
    public async Task A_reviewer_going_away_hands_the_stand_in_only_the_reviews_still_open_in_the_current_round()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris]);
        var open = await SubmittedAsync();
        var decided = await SubmittedAsync();
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(decided.Id, Approve("Ivan has decided this one."));

        var today = new DateOnly(2026, 11, 2);
        await _database.Get<StandInCommands>().SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = _sam });

        var handed = (await InboxAsync(StandInEmail)).Where(n => n.Title.StartsWith("Standing in for", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"/gates/{open.Id}"], handed.Select(n => n.Link));
    }

    [Fact]
    public async Task Whoever_submitted_a_gate_the_reviewer_is_reviewing_cannot_stand_in_for_them_and_nothing_is_written()
    {
        // Tom holds both roles: he owns and submits a rollout's security review as a training manager, and could stand in
        // for an IT lead, except for the gate he submitted himself (separation of duties).
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris]);
        await _database.PlayAsync(Accounts.Admin);
        const string TwoRolesEmail = "tom.tworoles@elearning.test";
        await _database.Get<UserCommands>().CreateAsync(new NewUserDraft
        {
            DisplayName = "Tom Tworoles", Email = TwoRolesEmail, Department = "Training", Roles = [Roles.TrainingManager, Roles.ItLead],
        });
        var tom = (await _database.PlayAsync(TwoRolesEmail)).UserId;
        var gate = await SubmittedAsync(TwoRolesEmail);

        await _database.PlayAsync(Accounts.ItLead);
        var today = new DateOnly(2026, 11, 2);
        var stand = _database.Get<StandInCommands>();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => stand.SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = tom }));

        Assert.Equal([nameof(AwayDraft.StandInId)], refused.Errors.Keys);
        Assert.Equal("That person submitted a gate you are reviewing, so they cannot decide it for you; choose someone else.",
            refused.Errors[nameof(AwayDraft.StandInId)].Single());
        await using (var db = await _database.CreateDbContextAsync())
        {
            Assert.False(await db.ReviewerAbsences.AnyAsync());
        }

        // Once Ivan has decided it, the gate no longer waits for him, and Tom may stand in for the reviews to come.
        await Commands.RecordDecisionAsync(gate.Id, Approve());
        await stand.SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = tom });
    }

    [Fact]
    public async Task Nobody_stands_in_for_themselves_in_a_circle_or_without_the_role()
    {
        var today = new DateOnly(2026, 11, 2);
        await _database.PlayAsync(Accounts.ItLead);
        var stand = _database.Get<StandInCommands>();

        Assert.Contains("yourself", (await Assert.ThrowsAsync<DomainException>(() => stand.SetAwayAsync(new AwayDraft { From = today, Until = today, StandInId = _ivan }))).Message);
        var noRole = await Assert.ThrowsAsync<ValidationFailedException>(() => stand.SetAwayAsync(new AwayDraft { From = today, Until = today, StandInId = _erin }));
        Assert.Contains(nameof(AwayDraft.StandInId), noRole.Errors.Keys);
        await stand.SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(3), StandInId = _iris });

        await _database.PlayAsync(Accounts.ItLead2);
        Assert.Contains("circle", (await Assert.ThrowsAsync<DomainException>(() => stand.SetAwayAsync(new AwayDraft { From = today.AddDays(1), Until = today.AddDays(2), StandInId = _ivan }))).Message);

        await _database.PlayAsync(Accounts.Training);
        await Assert.ThrowsAsync<AccessRefusedException>(() => stand.SetAwayAsync(new AwayDraft { From = today, Until = today, StandInId = _ivan }));
    }

    [Fact]
    public async Task Nobody_who_left_stands_in()
    {
        var today = new DateOnly(2026, 11, 2);
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<ElearningRollout.Application.Administration.UserCommands>().SetDisabledAsync(_iris, true);
        await _database.PlayAsync(Accounts.ItLead);
        var stand = _database.Get<StandInCommands>();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => stand.SetAwayAsync(new AwayDraft { From = today, Until = today, StandInId = _iris }));

        Assert.Equal(["Your stand-in must be an active person with your reviewing role; choose from the list."], refused.Errors[nameof(AwayDraft.StandInId)]);
        await using var db = await _database.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<ElearningRollout.Domain.Gates.ReviewerAbsence>().CountAsync());
    }

    [Fact]
    public async Task An_administrator_reassigns_a_pending_review_and_the_new_reviewer_is_told()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris]);
        var gate = await SubmittedAsync();
        var ivansReview = gate.Reviewing!.Reviews.Single(r => r.Reviewer!.Id == _ivan);

        await _database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<AccessRefusedException>(() => Commands.ReassignReviewAsync(gate.Id, ivansReview.Id, _sam, gate.Version));
        await _database.PlayAsync(Accounts.Admin);
        var notAnItLead = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.ReassignReviewAsync(gate.Id, ivansReview.Id, _erin, gate.Version));
        Assert.Contains("NewReviewerId", notAnItLead.Errors.Keys);
        await Commands.ReassignReviewAsync(gate.Id, ivansReview.Id, _sam, gate.Version);

        Assert.Contains(await InboxAsync(StandInEmail), n => n.Title.StartsWith("Security review review reassigned to you", StringComparison.Ordinal) || n.Title.Contains("reassigned to you"));
        await _database.PlayAsync(Accounts.ItLead);
        await Assert.ThrowsAsync<DomainException>(() => Commands.RecordDecisionAsync(gate.Id, Approve()));
        await _database.PlayAsync(StandInEmail);
        await Commands.RecordDecisionAsync(gate.Id, Approve());
        await _database.PlayAsync(Accounts.ItLead2);
        await Commands.RecordDecisionAsync(gate.Id, Approve());
        Assert.Equal(GateState.Approved, (await Queries.GetAsync(gate.Id))!.State);
    }

    [Fact]
    public async Task A_policy_naming_someone_without_the_deciding_role_is_refused_beside_the_field()
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => PublishAsync(ApprovalRule.MOfNamedReviewers, m: 1, named: [_erin]));

        Assert.Contains(nameof(ApprovalPolicyDraft.NamedReviewerIds), refused.Errors.Keys);
        await _database.PlayAsync(Accounts.ItLead);
        var template = await _database.Get<TemplateQueries>().CurrentTemplatesAsync();
        Assert.Equal(1, template.Of(GateKind.SecurityReview).ApprovalPolicy.PolicyVersion);
    }

    [Fact]
    public async Task While_a_reviewer_is_away_the_reminders_go_to_the_stand_in_naming_them_and_the_escalation_names_both()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 2, named: [_ivan, _iris], days: 5);
        await _database.PlayAsync(Accounts.ItLead);
        var today = new DateOnly(2026, 11, 2);
        await _database.Get<StandInCommands>().SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(11), StandInId = _sam });
        var gate = await SubmittedAsync(); // Monday 2 November, due Monday 9; half-time Wednesday 4
        var scanner = NewScanner();

        _database.Clock.Advance(TimeSpan.FromDays(2));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder);
        var half = Assert.Single(await InboxAsync(StandInEmail), n => n.Kind == NotificationKind.ReviewReminder);
        Assert.StartsWith("Half the review time has passed", half.Title, StringComparison.Ordinal);
        Assert.EndsWith("(you stand in for Ivan IT)", half.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("stand in", Assert.Single(await InboxAsync(Accounts.ItLead2), n => n.Kind == NotificationKind.ReviewReminder).Title, StringComparison.Ordinal);

        _database.Clock.Advance(TimeSpan.FromDays(5));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Contains(await InboxAsync(StandInEmail), n => n.Kind == NotificationKind.ReviewReminder && n.Title == $"Review due today: Security review of {gate.RolloutCode} (you stand in for Ivan IT)");
        Assert.DoesNotContain(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder);

        _database.Clock.Advance(TimeSpan.FromDays(1));
        await scanner.ScanAsync(CancellationToken.None);
        var escalations = (await InboxAsync(Accounts.Executive)).Where(n => n.Kind == NotificationKind.ReviewEscalated).ToList();
        Assert.Equal(2, escalations.Count); // Ivan's, held by Sam, and Iris's
        Assert.Contains(escalations, n => n.Title.Contains("Ivan IT's review", StringComparison.Ordinal) && n.Title.Contains("held by their stand-in Sam Standin", StringComparison.Ordinal));
        Assert.DoesNotContain(await InboxAsync(StandInEmail), n => n.Kind == NotificationKind.ReviewEscalated);
    }

    [Fact]
    public async Task A_resubmission_after_a_rejection_resumes_the_clock_with_the_days_left_and_is_reminded_on_the_paused_clock()
    {
        await PublishAsync(ApprovalRule.MOfNamedReviewers, m: 1, named: [_ivan], days: 5);
        var gate = await SubmittedAsync(); // Monday 2 November, due Monday 9
        var scanner = NewScanner();

        _database.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 3: one working day used, four left
        await _database.PlayAsync(Accounts.ItLead);
        await Commands.RecordDecisionAsync(gate.Id, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "No SSO test plan yet." });

        // Back with Training past the original due date: nothing is pending, so nobody is reminded or escalated to.
        _database.Clock.Advance(TimeSpan.FromDays(8)); // Wednesday 11
        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(Accounts.Executive), n => n.Kind == NotificationKind.ReviewEscalated);

        _database.Clock.Advance(TimeSpan.FromDays(5)); // Monday 16
        await _database.PlayAsync(Accounts.Training);
        var back = (await Queries.GetAsync(gate.Id))!;
        Assert.Equal(new DateOnly(2026, 11, 20), back.DefaultDueDate); // four working days from Monday 16, not five
        await Commands.SubmitAsync(gate.Id, null, null, back.Version);

        var resubmitted = (await Queries.GetAsync(gate.Id))!;
        Assert.Equal(2, resubmitted.Rounds.Count);
        Assert.All(resubmitted.Reviewing!.Reviews, r => Assert.Equal(new DateOnly(2026, 11, 20), r.DueDate));

        // The clock ran on Tuesday 3 and runs again from Tuesday 17: half of its five working days is passed on the 17th.
        await scanner.ScanAsync(CancellationToken.None);
        Assert.DoesNotContain(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder);
        _database.Clock.Advance(TimeSpan.FromDays(1));
        await scanner.ScanAsync(CancellationToken.None);
        Assert.Single(await InboxAsync(Accounts.ItLead), n => n.Kind == NotificationKind.ReviewReminder && n.Title.StartsWith("Half the review time has passed", StringComparison.Ordinal));
    }

    private OverdueScanner NewScanner() => new(
        _database.Get<IDbContextFactory<ElearningRollout.Application.Persistence.ElearningRolloutDbContext>>(), _database.Clock,
        _database.Get<Microsoft.Extensions.Options.IOptionsMonitor<ElearningRollout.Application.Common.IntegrationOptions>>());
}
