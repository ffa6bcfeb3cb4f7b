using ElearningRollout.Application.Calendar;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Workload;
using ElearningRollout.Domain.Gates;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Workload;

/// <summary>
/// IT's workload, on SQLite: the figures per reviewer and in total, and who may see them per person. The test clock
/// starts on Monday 2 November 2026; Wednesday 11 November is a holiday.
/// </summary>
public sealed class WorkloadQueriesTests : DatabaseTest
{
    private WorkloadQueries Queries => Database.Get<WorkloadQueries>();

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.Training2)]
    public async Task Training_managers_see_ITs_total_load_but_are_refused_the_figures_per_reviewer(string email)
    {
        await ArrangeAsync();
        await Database.PlayAsync(email);

        var overview = await Queries.OverviewAsync();
        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => Queries.ByReviewerAsync());

        Assert.Equal(WorkloadAccess.ByReviewerRefusal, refusal.Message);
        Assert.False(await Queries.CanSeeByReviewerAsync());
        Assert.Equal((2, 2, 0, 0, 1), (overview.Reviewers, overview.OpenReviews, overview.Unassigned, overview.DueThisWeek, overview.Overdue));
    }

    [Theory]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Executive)]
    [InlineData(Accounts.Admin)]
    public async Task IT_leads_executives_and_administrators_see_each_reviewers_open_due_overdue_speed_and_what_is_coming(string email)
    {
        var arranged = await ArrangeAsync();
        await Database.PlayAsync(email);

        var rows = await Queries.ByReviewerAsync();

        Assert.True(await Queries.CanSeeByReviewerAsync());
        var ivan = rows.Single(r => r.Reviewer == "Ivan IT");
        var other = rows.Single(r => r.ReviewerId == arranged.SecondItLeadId);
        // Ivan: the security review due Tuesday 17 November (not this week), no decision of his; liaison of the rollout coming.
        Assert.Equal((1, 0, 0, 0, (double?)null, arranged.Coming.Count), (ivan.OpenReviews, ivan.DueThisWeek, ivan.Overdue, ivan.DecidedLast90Days, ivan.AverageWorkingDaysToDecide, ivan.ComingNext30Days));
        // The second IT lead: one review overdue since Wednesday 4 November, one rejection decided Thursday 5 November
        // on a gate submitted Monday 2 November: 3 working days.
        Assert.Equal((1, 0, 1, 1, (double?)3.0, 0), (other.OpenReviews, other.DueThisWeek, other.Overdue, other.DecidedLast90Days, other.AverageWorkingDaysToDecide, other.ComingNext30Days));
        // The overdue reviewer comes first, so whoever rebalances sees them at the top.
        Assert.Equal(arranged.SecondItLeadId, rows[0].ReviewerId);
        Assert.DoesNotContain(rows, r => r.ReviewerId is null);
    }

    [Fact]
    public async Task The_weeks_show_capacity_less_the_holiday_the_reviews_due_and_the_gates_expected()
    {
        var arranged = await ArrangeAsync();
        await Database.PlayAsync(Accounts.Training);

        var overview = await Queries.OverviewAsync();

        Assert.NotEmpty(arranged.Coming);
        Assert.Equal(arranged.Coming.OrderBy(id => id), overview.Coming.Select(c => c.GateId).OrderBy(id => id));
        Assert.All(overview.Coming, c => Assert.Equal((new DateOnly(2026, 11, 20), "Ivan IT"), (c.ExpectedOn, c.ItLiaison)));
        var thisWeek = overview.Weeks[0];
        var nextWeek = overview.Weeks[1];
        // This week (from Monday 9 November): four working days (the 11th is a holiday), 2 reviewers x 3 x 4/5 = 4; the overdue review counts here.
        Assert.Equal((new DateOnly(2026, 11, 9), 4, 4, 1, 0, 3), (thisWeek.WeekOf, thisWeek.WorkingDays, thisWeek.Capacity, thisWeek.DueReviews, thisWeek.ExpectedGates, thisWeek.Free));
        // Next week: five working days, 6 reviews; Ivan's review is due on the 17th and the coming gates on the 20th.
        Assert.Equal((5, 6, 1, arranged.Coming.Count), (nextWeek.WorkingDays, nextWeek.Capacity, nextWeek.DueReviews, nextWeek.ExpectedGates));
        Assert.Equal(Math.Max(0, 6 - 1 - arranged.Coming.Count), nextWeek.Free);
        Assert.Equal(5, overview.Weeks.Count); // the weeks of 9 November to 7 December cover the next 30 days
    }

    [Fact]
    public async Task With_nothing_open_and_nothing_planned_every_figure_is_zero_and_the_week_is_free()
    {
        await Database.PlayAsync(Accounts.Executive);

        var overview = await Queries.OverviewAsync();
        var rows = await Queries.ByReviewerAsync();

        Assert.Equal((0, 0, 0), (overview.OpenReviews, overview.Overdue, overview.Coming.Count));
        Assert.All(overview.Weeks, w => Assert.Equal(w.Capacity, w.Free));
        Assert.All(rows, r => Assert.Equal((0, 0, (double?)null), (r.OpenReviews, r.DecidedLast90Days, r.AverageWorkingDaysToDecide)));
    }

    [Fact]
    public async Task The_page_reads_the_same_number_of_statements_whatever_the_number_of_reviews()
    {
        await Database.PlayAsync(Accounts.Executive);
        Database.Statements.Reset();
        await Queries.ByReviewerAsync();
        await Queries.OverviewAsync();
        var empty = Database.Statements.Count;

        await ArrangeAsync();
        await Database.PlayAsync(Accounts.Executive);
        Database.Statements.Reset();
        await Queries.ByReviewerAsync();
        await Queries.OverviewAsync();

        // With reviews open, each of the two reads the open gates' four collections once (GateStore), however many there are.
        Assert.Equal(empty + 2 * 4, Database.Statements.Count);
    }

    private sealed record Arranged(string SecondItLeadId, IReadOnlyList<Guid> Coming);

    /// <summary>
    /// On Monday 2 November: a rollout with Ivan as IT liaison submits three IT gates (Ivan's due by default; one to the
    /// second IT lead due Wednesday 4; one the second IT lead rejects on Thursday 5); a second, active rollout (Ivan
    /// liaison) plans the phase of its IT gates to end on Friday 20 November. The clock then reads Monday 9 November.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        await Database.PlayAsync(Accounts.Admin);
        await Database.Get<HolidayCommands>().AddAsync(new HolidayDraft { Date = new DateOnly(2026, 11, 11), Name = "Armistice Day" });
        var ivan = await Database.PlayAsync(Accounts.ItLead);
        var second = await Database.PlayAsync(Accounts.ItLead2);
        var rollouts = Database.Get<RolloutCommands>();
        var catalog = Database.Get<RolloutQueries>();
        var gates = Database.Get<GateCommands>();
        var gateQueries = Database.Get<GateQueries>();

        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = ivan.UserId;
        var submitting = await rollouts.CreateAsync(draft);
        var itGates = (await catalog.GetAsync(submitting))!.Gates.Where(g => GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind)).ToList();
        Assert.True(itGates.Count >= 3, "The rollout needs three IT gates.");
        async Task<Guid> VersionAsync(Guid gateId) => (await gateQueries.GetAsync(gateId))!.Version;
        await gates.SubmitAsync(itGates[0].Id, null, null, await VersionAsync(itGates[0].Id));
        await gates.SubmitAsync(itGates[1].Id, second.UserId, new DateOnly(2026, 11, 4), await VersionAsync(itGates[1].Id));
        await gates.SubmitAsync(itGates[2].Id, second.UserId, new DateOnly(2026, 11, 16), await VersionAsync(itGates[2].Id));

        Database.Clock.Advance(TimeSpan.FromDays(3)); // Thursday 5 November
        await Database.PlayAsync(Accounts.ItLead2);
        await gates.DecideAsync(itGates[2].Id, new GateDecisionDraft { Decision = DecisionKind.Reject, Rationale = "No SSO test plan yet." }, await VersionAsync(itGates[2].Id));

        await Database.PlayAsync(Accounts.Training);
        var coming = await rollouts.CreateAsync(draft);
        await rollouts.ActivateAsync(coming, (await catalog.GetAsync(coming))!.Version);
        var comingGates = (await catalog.GetAsync(coming))!.Gates.Where(g => GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind) && g.IsRequired).ToList();
        var phase = comingGates[0].GuardedPhase;
        await rollouts.PlanPhaseAsync(coming, phase, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 20), (await catalog.GetAsync(coming))!.Version);

        Database.Clock.Advance(TimeSpan.FromDays(4)); // Monday 9 November
        return new Arranged(second.UserId, comingGates.Where(g => g.GuardedPhase == phase).Select(g => g.Id).ToList());
    }
}
