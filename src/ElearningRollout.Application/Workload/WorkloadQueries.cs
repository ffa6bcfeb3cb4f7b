using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Calendar;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Workload;

/// <summary>
/// IT's review workload (/workload): the open reviews, what is due and overdue, how long decisions take, and which
/// rollouts will reach IT gates in the next 30 days. Each read is a fixed number of queries whatever the number of
/// reviewers or rollouts; the counting is done on the small sets they return.
/// </summary>
public sealed class WorkloadQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals, TimeProvider clock, IOptions<WorkloadOptions> options) : IUseCases
{
    public const int HorizonDays = 30;

    public const int DecisionWindowDays = 90;

    /// <summary>IT's total load and free capacity by week, and the gates coming: for everyone who plans or reviews.</summary>
    public async Task<WorkloadOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!WorkloadAccess.MaySeeTotals(actor))
        {
            throw await refusals.RefuseAsync(actor, WorkloadAccess.TotalsRefusal, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var reviewers = (await ItReviewersAsync(db, cancellationToken)).Count;
        var open = await OpenReviewsAsync(db, today, cancellationToken);
        var coming = await ComingAsync(db, today, cancellationToken);
        var calendar = await WorkingDays.CalendarAsync(db, WeekOf(today), cancellationToken);

        var perWeek = Math.Max(0, options.Value.ReviewsPerReviewerPerWeek);
        var weeks = new List<WeekCapacity>();
        for (var week = WeekOf(today); week <= today.AddDays(HorizonDays); week = week.AddDays(7))
        {
            var end = week.AddDays(6);
            var first = weeks.Count == 0;
            // Days of this week already gone cannot take new work: the first week counts from today.
            var workingDays = Enumerable.Range(0, 7).Select(week.AddDays).Count(d => d >= today && calendar.IsWorkingDay(d));
            var capacity = reviewers * perWeek * workingDays / 5;
            var due = open.Count(r => r.DueDate is { } d && (d >= week || first) && d <= end);
            var expected = coming.Count(c => c.ExpectedOn >= week && c.ExpectedOn <= end);
            weeks.Add(new WeekCapacity(week, workingDays, capacity, due, expected, Math.Max(0, capacity - due - expected)));
        }

        return new WorkloadOverview(
            today, reviewers, open.Count, open.Count(r => r.ReviewerId is null),
            open.Count(r => DueThisWeek(r, today)), open.Count(r => IsOverdue(r, today)), perWeek, weeks,
            coming.Select(c => new ComingToItGate(c.GateId, c.RolloutCode, c.RolloutTitle, c.Kind, c.ExpectedOn, c.ItLiaison)).ToList());
    }

    /// <summary>
    /// The figures per IT reviewer, so IT leads and executives can rebalance. Refused to training managers in this
    /// layer, not only hidden: how busy and how quick each person is stays within IT and leadership.
    /// </summary>
    public async Task<IReadOnlyList<ReviewerWorkload>> ByReviewerAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!WorkloadAccess.MaySeeByReviewer(actor))
        {
            throw await refusals.RefuseAsync(actor, WorkloadAccess.ByReviewerRefusal, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var reviewers = await ItReviewersAsync(db, cancellationToken);
        var open = await OpenReviewsAsync(db, today, cancellationToken);
        var coming = await ComingAsync(db, today, cancellationToken);

        // Each reviewer's own decisions (a stand-in's count for the stand-in, who did the work), from the round's submission
        // to the review's decision; rounds submitted before reviews were recorded one by one count their round's decision.
        // Decisions are few per gate; SQLite cannot compare DateTimeOffset columns, so the 90 days are kept here.
        var since = clock.GetUtcNow().AddDays(-DecisionWindowDays);
        var byReview = await (from g in db.ClearanceGates.AsNoTracking()
                              where GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind)
                              from v in g.Reviews
                              where v.DecidedById != null && v.DecidedAt != null && v.Decision != GateDecision.Waived
                              from r in g.Rounds
                              where r.Number == v.RoundNumber && r.SubmittedAt != null
                              select new { v.DecidedById, r.SubmittedAt, v.DecidedAt }).ToListAsync(cancellationToken);
        var byRound = await (from g in db.ClearanceGates.AsNoTracking()
                             where GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind)
                             from r in g.Rounds
                             where r.DecidedById != null && r.SubmittedAt != null && r.DecidedAt != null && r.Decision != GateDecision.Waived
                                 && !g.Reviews.Any(v => v.RoundNumber == r.Number)
                             select new { r.DecidedById, r.SubmittedAt, r.DecidedAt }).ToListAsync(cancellationToken);
        var decided = byReview.Concat(byRound)
            .Where(r => r.DecidedAt >= since)
            .Select(r => new { Reviewer = r.DecidedById!, Submitted = DateOnly.FromDateTime(r.SubmittedAt!.Value.UtcDateTime), Decided = DateOnly.FromDateTime(r.DecidedAt!.Value.UtcDateTime) })
            .ToList();
        var calendar = await WorkingDays.CalendarAsync(db, decided.Select(d => d.Submitted).Append(today).Min(), cancellationToken);

        // Everyone who reviews for IT, and anyone else an open IT review is assigned to (an IT lead whose role was removed).
        var names = new Dictionary<string, string>(reviewers);
        var others = open.Select(r => r.ReviewerId).OfType<string>().Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var other in await db.Users.AsNoTracking().Where(u => others.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
        {
            names[other.Id] = other.DisplayName;
        }

        var rows = names.Select(person =>
        {
            var theirs = open.Where(r => r.ReviewerId == person.Key).ToList();
            var decisions = decided.Where(d => d.Reviewer == person.Key).Select(d => calendar.WorkingDaysBetween(d.Submitted, d.Decided)).ToList();
            return new ReviewerWorkload(
                person.Key, person.Value, theirs.Count, theirs.Count(r => DueThisWeek(r, today)), theirs.Count(r => IsOverdue(r, today)),
                decisions.Count, decisions.Count == 0 ? null : Math.Round(decisions.Average(), 1),
                coming.Count(c => c.ItLiaisonId == person.Key));
        }).OrderByDescending(r => r.Overdue).ThenByDescending(r => r.OpenReviews).ThenBy(r => r.Reviewer, StringComparer.CurrentCulture).ToList();

        var unassigned = open.Where(r => r.ReviewerId is null).ToList();
        if (unassigned.Count > 0)
        {
            rows.Add(new ReviewerWorkload(null, "Not assigned", unassigned.Count, unassigned.Count(r => DueThisWeek(r, today)),
                unassigned.Count(r => IsOverdue(r, today)), 0, null, 0));
        }

        return rows;
    }

    public async Task<bool> CanSeeByReviewerAsync(CancellationToken cancellationToken = default)
        => await currentActor.GetAsync(cancellationToken) is { } actor && WorkloadAccess.MaySeeByReviewer(actor);

    /// <summary>
    /// The open reviews: each pending review of an IT gate's current round, for whoever holds it today (the reviewer, or
    /// their stand-in while they are away, by the gate's own rule <see cref="ClearanceGate.HolderOf"/>; null: nobody
    /// assigned), due on the review's own due date. A round submitted before reviews were recorded one by one is one
    /// review for the gate's reviewer. Every figure of the page counts these. Two queries, whatever the number of gates.
    /// </summary>
    internal static async Task<List<OpenReview>> OpenReviewsAsync(ElearningRolloutDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var gates = await GateStore.Whole(db).AsNoTracking()
            .Where(g => GateStateRules.AwaitingDecision.Contains(g.State) && GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind))
            .ToListAsync(cancellationToken);
        var standIns = await StandInRoster.OnAsync(db, today, cancellationToken);
        return [.. gates.SelectMany(g => g.CurrentReviews.Count == 0
            ? [new OpenReview(g.Id, g.ReviewerId, g.DueDate)]
            : g.CurrentReviews.Where(v => !v.IsDecided).Select(v => new OpenReview(g.Id, g.HolderOf(v, standIns), v.DueDate)))];
    }

    /// <param name="ReviewerId">Who holds the review today; null when nobody is assigned.</param>
    internal sealed record OpenReview(Guid GateId, string? ReviewerId, DateOnly? DueDate);

    private sealed record Coming(Guid GateId, string RolloutCode, string RolloutTitle, GateKind Kind, DateOnly ExpectedOn, string? ItLiaisonId, string? ItLiaison);

    /// <summary>The IT reviewers: active accounts in a role that decides the review queue's gates.</summary>
    private static async Task<Dictionary<string, string>> ItReviewersAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
    {
        var roles = GateApprovalPolicy.ReviewQueueKinds.Select(k => GateApprovalPolicy.For(k).DecidingRole).Distinct().ToList();
        return await (from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      join user in db.Users on userRole.UserId equals user.Id
                      where roles.Contains(role.Name!) && !user.IsDisabled
                      select new { user.Id, user.DisplayName }).Distinct().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    /// <summary>
    /// Required IT gates not yet submitted (or rejected, to come back) whose guarded phase of an active rollout is
    /// planned to end in the next 30 days: the day the rollout comes to the gate.
    /// </summary>
    private async Task<List<Coming>> ComingAsync(ElearningRolloutDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var horizon = today.AddDays(HorizonDays);
        var rows = await (from g in db.ClearanceGates.AsNoTracking()
                          where GateApprovalPolicy.ReviewQueueKinds.Contains(g.Kind) && g.IsRequired
                              && (g.State == GateState.Draft || g.State == GateState.Rejected)
                          join r in db.Rollouts.AsNoTracking() on g.RolloutId equals r.Id
                          where r.LifecycleStatus == LifecycleStatus.Active
                          from p in r.Phases
                          where p.Kind == g.GuardedPhase && p.PlannedEnd != null && p.PlannedEnd >= today && p.PlannedEnd <= horizon
                          orderby p.PlannedEnd, r.Code
                          select new Coming(g.Id, r.Code, r.Title, g.Kind, p.PlannedEnd!.Value, r.ItLiaisonId,
                              db.Users.Where(u => u.Id == r.ItLiaisonId).Select(u => u.DisplayName).FirstOrDefault())).ToListAsync(cancellationToken);
        return rows;
    }

    private static bool DueThisWeek(OpenReview review, DateOnly today)
        => review.DueDate is { } due && due >= today && due <= WeekOf(today).AddDays(6);

    private static bool IsOverdue(OpenReview review, DateOnly today) => review.DueDate is { } due && due < today;

    /// <summary>The Monday of the week <paramref name="day"/> is in.</summary>
    private static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
