using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Templates;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Workload;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// The review queue and the workload count the round's pending reviews, one per reviewer, not the gate's single
/// reviewer: each reviewer sees the gates where they have a pending review, a stand-in sees the reviews of the reviewer
/// they stand in for, marked "for" them, and the workload counts a taken-over review for the stand-in while the
/// absence lasts. The test clock starts on Monday 2 November 2026.
/// </summary>
public sealed class ReviewQueueOnReviewsTests : IAsyncLifetime
{
    private const string StandInEmail = "sam.standin@elearning.test";
    private readonly SqliteTestDatabase _database = new();
    private string _ivan = "";
    private string _iris = "";
    private string _sam = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _ivan = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        _iris = (await _database.PlayAsync(Accounts.ItLead2)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<UserCommands>().CreateAsync(new NewUserDraft { DisplayName = "Sam Standin", Email = StandInEmail, Department = "IT", Roles = [Roles.ItLead] });
        _sam = (await _database.PlayAsync(StandInEmail)).UserId;

        // Security reviews need two of Ivan and Iris, within five working days.
        await _database.PlayAsync(Accounts.Admin);
        var template = (await _database.Get<TemplateQueries>().PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == GateKind.SecurityReview);
        await _database.Get<TemplateCommands>().PublishApprovalPolicyAsync(GateKind.SecurityReview, new ApprovalPolicyDraft
        {
            Rule = ApprovalRule.MOfNamedReviewers, RequiredApprovals = 2, NamedReviewerIds = [_ivan, _iris], DeadlineWorkingDays = 5,
        }, template.Version);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private GateQueries Queries => _database.Get<GateQueries>();

    /// <summary>A new rollout's security review, its checklist met, submitted by Tara.</summary>
    private async Task<Guid> SubmittedAsync(bool activate = false)
    {
        await _database.PlayAsync(Accounts.Training);
        var code = await _database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        if (activate)
        {
            await _database.Get<RolloutCommands>().ActivateAsync(code, (await _database.Get<RolloutQueries>().GetAsync(code))!.Version);
        }

        var gateId = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        var gate = (await Queries.GetAsync(gateId))!;
        var commands = _database.Get<GateCommands>();
        await commands.SetChecklistItemsAsync(gate.Id, [.. gate.Checklist.Select(i => new ChecklistItemChange(i.Id, ChecklistItemState.Met, "Filed.", i.SetAt))]);
        await commands.SubmitAsync(gate.Id, null, null, (await Queries.GetAsync(gate.Id))!.Version);
        return gate.Id;
    }

    private async Task IvanAwayWithSamStandingInAsync()
    {
        await _database.PlayAsync(Accounts.ItLead);
        var today = new DateOnly(2026, 11, 2);
        await _database.Get<StandInCommands>().SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(11), StandInId = _sam });
    }

    private async Task<ReviewQueueRow> QueueRowAsync(string email, Guid gateId)
    {
        await _database.PlayAsync(email);
        return (await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest())).Items.Single(r => r.GateId == gateId);
    }

    [Fact]
    public async Task Each_reviewer_and_the_stand_in_of_an_away_one_find_the_gate_as_theirs_with_each_reviews_clock()
    {
        await IvanAwayWithSamStandingInAsync();
        var gateId = await SubmittedAsync(); // due Monday 9 November
        _database.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 4: three working days left

        var asSam = await QueueRowAsync(StandInEmail, gateId);
        var asIris = await QueueRowAsync(Accounts.ItLead2, gateId);
        var asIvan = await QueueRowAsync(Accounts.ItLead, gateId);

        Assert.True(asSam.IsMine);
        Assert.Equal("Ivan IT", asSam.ForReviewer);
        Assert.Equal(("Ivan IT", "Sam Standin", true, true), (asSam.Pending[0].Reviewer, asSam.Pending[0].StandIn, asSam.Pending[0].IsMine, asSam.Pending[0].ForStandIn));
        Assert.True(asIris.IsMine);
        Assert.Null(asIris.ForReviewer);
        Assert.Equal("Iris Infra", asIris.Pending[0].Reviewer);
        // Ivan is away: his review is Sam's until he is back.
        Assert.False(asIvan.IsMine);
        Assert.Contains("Sam Standin for Ivan IT", asIvan.Reviewer, StringComparison.Ordinal);
        Assert.Equal(2, asIvan.Pending.Count);
        Assert.All(asIvan.Pending, p => Assert.Equal((new DateOnly(2026, 11, 9), "3 working days left"), (p.DueDate, p.Clock!.Text)));
        Assert.Equal(new DateOnly(2026, 11, 9), asSam.DueDate);
        Assert.Equal("3 working days left", asSam.Clock!.Text);
    }

    [Fact]
    public async Task A_reviewer_who_has_decided_no_longer_finds_the_gate_as_theirs_and_sees_who_is_still_pending()
    {
        var gateId = await SubmittedAsync();
        await _database.PlayAsync(Accounts.ItLead2);
        await _database.Get<GateCommands>().RecordDecisionAsync(gateId, new GateDecisionDraft { Decision = DecisionKind.Approve, Rationale = "Fine." });

        var asIris = await QueueRowAsync(Accounts.ItLead2, gateId);
        var asIvan = await QueueRowAsync(Accounts.ItLead, gateId);

        Assert.False(asIris.IsMine);
        Assert.Equal("Ivan IT", asIris.Reviewer);
        Assert.True(asIvan.IsMine);
        Assert.Single(asIvan.Pending);
    }

    [Fact]
    public async Task The_queue_puts_the_gates_with_the_readers_reviews_first_and_reads_a_fixed_number_of_statements()
    {
        await IvanAwayWithSamStandingInAsync();
        await _database.PlayAsync(StandInEmail);
        _database.Statements.Reset();
        await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());
        var empty = _database.Statements.Count;

        // An IT gate under "any one reviewer" assigned to Iris, due first, and a security review Sam holds for Ivan.
        await _database.PlayAsync(Accounts.Training);
        var code = await _database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        var other = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.First(g => g.Kind != GateKind.SecurityReview && GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind));
        await _database.Get<GateCommands>().SubmitAsync(other.Id, _iris, new DateOnly(2026, 11, 3), (await Queries.GetAsync(other.Id))!.Version);
        var security = await SubmittedAsync();
        await SubmittedAsync();

        await _database.PlayAsync(StandInEmail);
        _database.Statements.Reset();
        var page = await Queries.ReviewQueueAsync(new ReviewQueueQuery(), new PageRequest());

        // An empty page reads no collection; a page of gates reads each of the gates' four collections once (GateStore).
        Assert.Equal(empty + 4, _database.Statements.Count);
        Assert.Equal(3, page.TotalCount);
        Assert.True(page.Items[0].IsMine);
        Assert.True(page.Items[1].IsMine);
        Assert.Contains(page.Items.Take(2), r => r.GateId == security);
        Assert.Equal((other.Id, false, "Iris Infra"), (page.Items[2].GateId, page.Items[2].IsMine, page.Items[2].Reviewer));
    }

    [Fact]
    public async Task The_workload_counts_each_pending_review_for_whoever_holds_it_and_the_time_each_reviewer_took()
    {
        await IvanAwayWithSamStandingInAsync();
        var first = await SubmittedAsync(); // due Monday 9 November
        await SubmittedAsync();
        _database.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 4
        await _database.PlayAsync(Accounts.ItLead2);
        await _database.Get<GateCommands>().RecordDecisionAsync(first, new GateDecisionDraft { Decision = DecisionKind.Approve, Rationale = "Fine." });
        _database.Clock.Advance(TimeSpan.FromDays(6)); // Tuesday 10: overdue

        await _database.PlayAsync(Accounts.Executive);
        var rows = await _database.Get<WorkloadQueries>().ByReviewerAsync();
        var overview = await _database.Get<WorkloadQueries>().OverviewAsync();

        var sam = rows.Single(r => r.ReviewerId == _sam);
        var ivan = rows.Single(r => r.ReviewerId == _ivan);
        var iris = rows.Single(r => r.ReviewerId == _iris);
        // Sam holds Ivan's two reviews while Ivan is away; Iris has decided one (two working days) and has one pending.
        Assert.Equal((2, 2), (sam.OpenReviews, sam.Overdue));
        Assert.Equal(0, ivan.OpenReviews);
        Assert.Equal((1, 1, 1, (double?)2.0), (iris.OpenReviews, iris.Overdue, iris.DecidedLast90Days, iris.AverageWorkingDaysToDecide));
        Assert.DoesNotContain(rows, r => r.ReviewerId is null);
        Assert.Equal((3, 0, 3), (overview.OpenReviews, overview.Unassigned, overview.Overdue));
    }

    [Fact]
    public async Task The_dashboard_names_every_pending_reviewer_of_an_overdue_gate_and_shows_the_time_left_on_a_sign_off()
    {
        var security = await SubmittedAsync(activate: true); // due Monday 9 November
        var code = (await Queries.GetAsync(security))!.RolloutCode;
        var signOff = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.GoLiveSignOff);
        await _database.Get<GateCommands>().SubmitAsync(signOff.Id, null, new DateOnly(2026, 11, 16), (await Queries.GetAsync(signOff.Id))!.Version);
        _database.Clock.Advance(TimeSpan.FromDays(8)); // Tuesday 10

        await _database.PlayAsync(Accounts.Executive);
        var before = await _database.Get<DashboardQueries>().LoadAsync(new DashboardFilter(), new PageRequest());
        await _database.PlayAsync(Accounts.ItLead2);
        await _database.Get<GateCommands>().RecordDecisionAsync(security, new GateDecisionDraft { Decision = DecisionKind.Approve, Rationale = "Fine." });
        await _database.PlayAsync(Accounts.Executive);
        var after = await _database.Get<DashboardQueries>().LoadAsync(new DashboardFilter(), new PageRequest());

        var overdue = Assert.Single(before.OverdueGates);
        Assert.Equal(("Iris Infra, Ivan IT", "1 working day overdue"), (overdue.Reviewer, overdue.Clock!.Text));
        Assert.Equal("Ivan IT", Assert.Single(after.OverdueGates).Reviewer);
        var awaiting = Assert.Single(after.AwaitingMySignOff);
        Assert.Equal((signOff.Id, "4 working days left"), (awaiting.GateId, awaiting.Clock!.Text));
    }

    [Fact]
    public async Task A_sign_off_with_named_executives_awaits_only_them_or_their_stand_in_on_the_dashboard()
    {
        // A second executive, Eve, and go-live sign-off named to Erin alone.
        await _database.PlayAsync(Accounts.Admin);
        await _database.Get<UserCommands>().CreateAsync(new NewUserDraft { DisplayName = "Eve Exec", Email = "eve.exec@elearning.test", Department = "IT", Roles = [Roles.Executive] });
        var eve = (await _database.PlayAsync("eve.exec@elearning.test")).UserId;
        var erin = (await _database.PlayAsync(Accounts.Executive)).UserId;
        await _database.PlayAsync(Accounts.Admin);
        var template = (await _database.Get<TemplateQueries>().PhasesAndGatesAsync()).SelectMany(p => p.Gates).Single(g => g.Kind == GateKind.GoLiveSignOff);
        await _database.Get<TemplateCommands>().PublishApprovalPolicyAsync(GateKind.GoLiveSignOff, new ApprovalPolicyDraft
        {
            Rule = ApprovalRule.MOfNamedReviewers, RequiredApprovals = 1, NamedReviewerIds = [erin], DeadlineWorkingDays = 5,
        }, template.Version);

        var security = await SubmittedAsync(activate: true);
        var code = (await Queries.GetAsync(security))!.RolloutCode;
        var signOff = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.GoLiveSignOff);
        await _database.Get<GateCommands>().SubmitAsync(signOff.Id, null, null, (await Queries.GetAsync(signOff.Id))!.Version);

        async Task<IReadOnlyList<Guid>> AwaitingAsync(string email)
        {
            await _database.PlayAsync(email);
            return [.. (await _database.Get<DashboardQueries>().LoadAsync(new DashboardFilter(), new PageRequest())).AwaitingMySignOff.Select(s => s.GateId)];
        }

        Assert.Equal([signOff.Id], await AwaitingAsync(Accounts.Executive));
        Assert.Empty(await AwaitingAsync("eve.exec@elearning.test"));

        // Erin is away with Eve standing in: it awaits Eve now, and not Erin.
        await _database.PlayAsync(Accounts.Executive);
        var today = new DateOnly(2026, 11, 2);
        await _database.Get<StandInCommands>().SetAwayAsync(new AwayDraft { From = today, Until = today.AddDays(4), StandInId = eve });

        Assert.Equal([signOff.Id], await AwaitingAsync("eve.exec@elearning.test"));
        Assert.Empty(await AwaitingAsync(Accounts.Executive));
    }
}
