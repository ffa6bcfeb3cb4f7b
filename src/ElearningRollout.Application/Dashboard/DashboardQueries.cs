using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Dashboard;

/// <summary>
/// The executives' sign-off dashboard in six SQL statements whatever the number of rollouts: every figure is
/// grouped or limited in the database. Lists of the same shape share a statement (UNION ALL): the portfolio page with
/// the soonest go-lives, the overdue gates with the unmet conditions. The others are the counts by health, the gate
/// heatmap as counts, money by department from its summary table, and the awaiting sign-offs (each person sees their own).
/// An open dashboard watches a snapshot shared by everyone on the same filter and page (<see cref="WatchAsync"/>).
/// </summary>
public sealed class DashboardQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, DashboardFeed feed, ExportAudit exports) : IUseCases
{
    public const int ListLength = 10;
    public const int GoLiveHorizonDays = 90;

    /// <summary>The dashboard as <paramref name="filter"/> and the page select it, computed now for the signed-in person.</summary>
    public async Task<DashboardModel> LoadAsync(DashboardFilter filter, PageRequest portfolioPage, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        return (await ComputeAsync(dbFactory, new DashboardView(filter, portfolioPage), clock, cancellationToken)).For(actor);
    }

    /// <summary>
    /// The open dashboard: the figures come from the snapshot every viewer of the same filter and page shares
    /// (<see cref="DashboardFeed"/>), recomputed once per change however many watch it; <paramref name="changed"/> gets
    /// this person's view of each new snapshot. Dispose the watch when the page closes or the filter changes.
    /// </summary>
    public async Task<DashboardWatch> WatchAsync(DashboardFilter filter, PageRequest portfolioPage, Action<DashboardModel> changed, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        return await feed.WatchAsync(new DashboardView(filter, portfolioPage), actor, changed, cancellationToken);
    }

    /// <summary>
    /// The figures every viewer of <paramref name="view"/> sees alike, in six statements. Nothing here depends on who asks:
    /// the sign-off candidates are kept for every decider and reviewer, and <see cref="DashboardSnapshot.For"/> picks a
    /// person's own.
    /// </summary>
    internal static async Task<DashboardSnapshot> ComputeAsync(
        IDbContextFactory<ElearningRolloutDbContext> dbFactory, DashboardView view, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (filter, portfolioPage) = view;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var computedAt = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(computedAt.UtcDateTime);
        var horizon = today.AddDays(GoLiveHorizonDays);
        var active = Active(db, filter);

        var counts = await active.GroupBy(r => new { r.Health, Soon = r.TargetGoLive >= today && r.TargetGoLive <= horizon })
            .Select(g => new { g.Key.Health, g.Key.Soon, Count = g.Count() }).ToListAsync(cancellationToken);

        var page = Rows(db, active.OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code).Skip(portfolioPage.Skip).Take(portfolioPage.SafeSize), soon: false);
        var soon = Rows(db, active.Where(r => r.TargetGoLive >= today && r.TargetGoLive <= horizon)
            .OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code).Take(ListLength), soon: true);
        var rollouts = await page.Concat(soon).ToListAsync(cancellationToken);

        var gatesOfActive = db.ClearanceGates.Where(g => g.IsRequired && active.Any(r => r.Id == g.RolloutId));
        var heatmap = await gatesOfActive.GroupBy(g => new { g.Kind, g.State })
            .Select(g => new HeatmapCell(g.Key.Kind, g.Key.State, g.Count())).ToListAsync(cancellationToken);

        var attention = await Overdue(db, gatesOfActive, today).Concat(Unmet(db, active)).ToListAsync(cancellationToken);

        var money = await db.DepartmentMoney.Where(s => active.Any(r => r.Id == s.RolloutId))
            .GroupBy(s => new { s.Department, s.Currency })
            .Select(g => new { g.Key.Department, g.Key.Currency, Committed = g.Sum(s => s.CommittedCents), Actual = g.Sum(s => s.ActualCents) })
            .ToListAsync(cancellationToken);

        // Every awaiting sign-off of the filtered rollouts, whoever decides it; trimmed below to what any one person's
        // first ListLength can draw on, so the shared snapshot stays small.
        var signOffKinds = GateApprovalPolicy.RolloutSignOffKinds.ToList();
        // With each, its round's reviews (who reviews, who has not decided) and submitter, in the same statement, so the
        // holders of its pending reviews follow the gate's own rule; a round from before reviews were recorded one by one
        // is its reviewer's.
        var awaitingSignOff = await gatesOfActive
            .Where(g => signOffKinds.Contains(g.Kind) && GateStateRules.AwaitingDecision.Contains(g.State))
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { Gate = g, r.Code, r.Title, r.TargetGoLive })
            .OrderBy(x => x.TargetGoLive).ThenBy(x => x.Code)
            .Select(x => new
            {
                x.Gate.Id, x.Gate.Version, x.Gate.Kind, x.Gate.ReviewerId, x.Gate.DueDate, x.Code, x.Title, x.TargetGoLive,
                Round = x.Gate.Rounds.Max(r => (int?)r.Number),
                Submitter = x.Gate.Rounds.OrderByDescending(r => r.Number).Select(r => r.SubmittedById).FirstOrDefault(),
                // Every round's (a few rows; SQLite cannot correlate the latest round inside the collection).
                Reviews = x.Gate.Reviews.Select(v => new { v.RoundNumber, v.ReviewerId, Pending = v.Decision == null }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var standIns = await Gates.StandInRoster.OnAsync(db, today, cancellationToken);
        var candidates = awaitingSignOff.Select(x =>
        {
            var round = x.Reviews.Where(v => v.RoundNumber == x.Round).ToList();
            var holders = round.Count == 0
                ? [x.ReviewerId]
                : round.Where(v => v.Pending).Select(v => ClearanceGate.HolderAmong(v.ReviewerId, x.Submitter, round.Select(r => r.ReviewerId), standIns)).ToList();
            IReadOnlyList<string> known = holders.Contains(null) ? [] : [.. holders.OfType<string>().Distinct().Order(StringComparer.Ordinal)];
            return new { Candidate = new SignOffCandidate(x.Id, x.Version, x.Code, x.Title, x.TargetGoLive, x.Kind, known), x.DueDate };
        }).ToList();

        // Who has not decided the overdue gates yet: their rounds' pending reviews, one statement for the short list.
        var overdueIds = attention.Where(a => a.Text is null).Select(a => a.GateId).ToList();
        var pending = (await (from g in db.ClearanceGates.AsNoTracking()
                              where overdueIds.Contains(g.Id)
                              from v in g.Reviews
                              where v.Decision == null && v.RoundNumber == g.Rounds.Max(x => x.Number)
                              join u in db.Users on v.ReviewerId equals u.Id
                              select new { GateId = g.Id, Reviewer = u.DisplayName }).ToListAsync(cancellationToken))
            .GroupBy(p => p.GateId)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p.Reviewer).Order(StringComparer.CurrentCulture)));

        // Time left or overdue in working days, on the holiday calendar (read once, from the earliest due date shown).
        var since = attention.Where(a => a.Text is null).Select(a => a.DueDate)
            .Concat(candidates.Select(c => c.DueDate).OfType<DateOnly>()).Append(today).Min();
        var calendar = await Gates.WorkingDays.CalendarAsync(db, since, cancellationToken);

        return new DashboardSnapshot(
            view,
            counts.Sum(c => c.Count),
            counts.Where(c => c.Soon).Sum(c => c.Count),
            counts.GroupBy(c => c.Health).Select(g => new HealthCount(g.Key, g.Sum(c => c.Count))).OrderBy(h => h.Health).ToList(),
            PortfolioRows(rollouts.Where(r => !r.Soon), today),
            PortfolioRows(rollouts.Where(r => r.Soon), today),
            money.Select(m => new DepartmentMoneyTotal(m.Department, m.Currency, m.Committed / 100m, m.Actual / 100m))
                .OrderBy(m => m.Currency, StringComparer.Ordinal).ThenBy(m => m.Department, StringComparer.Ordinal).ToList(),
            heatmap,
            attention.Where(a => a.Text is null).OrderBy(a => a.DueDate).ThenBy(a => a.Code, StringComparer.Ordinal)
                .Select(a => new OverdueGateRow(a.GateId, a.Code, a.Kind, a.DueDate, pending.GetValueOrDefault(a.GateId) ?? a.Person) { Clock = calendar.Clock(today, a.DueDate) }).ToList(),
            attention.Where(a => a.Text is not null).OrderBy(a => a.DueDate).ThenBy(a => a.Code, StringComparer.Ordinal)
                .Select(a => new UnmetConditionRow(a.GateId, a.Code, a.Text!, a.Person ?? "", a.DueDate, a.DueDate < today)).ToList(),
            candidates.Select(c => c.Candidate with { Clock = c.DueDate is { } due ? calendar.Clock(today, due) : null })
                .GroupBy(c => (c.Kind, string.Join(' ', c.Holders))).SelectMany(g => g.Take(ListLength))
                .OrderBy(c => c.TargetGoLive).ThenBy(c => c.Code, StringComparer.Ordinal).ToList(),
            computedAt);
    }

    /// <summary>
    /// The export of <see cref="PortfolioAsync"/> as CSV, for any signed-in person (everyone may read the dashboard);
    /// audited (<see cref="ExportAudit.PortfolioExported"/>) before the file is returned.
    /// </summary>
    public Task<string> ExportCsvAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        ExportAsync(filter, "CSV", PortfolioExport.Csv, cancellationToken);

    public Task<byte[]> ExportExcelAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        ExportAsync(filter, "XLSX", PortfolioExport.Excel, cancellationToken);

    /// <summary>Every active rollout the filters select, soonest go-live first, for the Excel and CSV export.</summary>
    public async Task<IReadOnlyList<PortfolioRow>> PortfolioAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        return await PortfolioRowsAsync(filter, cancellationToken);
    }

    private async Task<T> ExportAsync<T>(DashboardFilter filter, string format, Func<IReadOnlyList<PortfolioRow>, T> write, CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        var rows = await PortfolioRowsAsync(filter, cancellationToken);
        var export = new ExportRecord(ExportAudit.PortfolioExported, "portfolio", format, rows.Count,
            [("Department", filter.Department), ("TrainingOwnerId", filter.TrainingOwnerId), ("Health", filter.Health?.ToString())]);
        return await exports.HandOutAsync(actor, export, write(rows), cancellationToken);
    }

    private async Task<IReadOnlyList<PortfolioRow>> PortfolioRowsAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, Active(db, filter), soon: false).ToListAsync(cancellationToken);
        return PortfolioRows(rows, Today);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Active means under way: Active and OnHold (drafts have not started, Live and ended ones are done). Also the
    /// dashboard's launch waves (<c>BandwidthPlanQueries.WavesSoonAsync</c>) filter by it, so they follow the same filters.
    /// </summary>
    internal static IQueryable<Rollout> Active(ElearningRolloutDbContext db, DashboardFilter filter)
    {
        var rollouts = db.Rollouts.AsNoTracking().Where(r => r.LifecycleStatus == LifecycleStatus.Active || r.LifecycleStatus == LifecycleStatus.OnHold);
        if (filter.Health is { } health)
        {
            rollouts = rollouts.Where(r => r.Health == health);
        }

        if (!string.IsNullOrEmpty(filter.TrainingOwnerId))
        {
            rollouts = rollouts.Where(r => r.TrainingOwnerId == filter.TrainingOwnerId);
        }

        if (!string.IsNullOrEmpty(filter.Department))
        {
            rollouts = rollouts.Where(r => db.Users.Any(u => u.Id == r.TrainingOwnerId && u.Department!.Name == filter.Department));
        }

        return rollouts;
    }

    private static IQueryable<RolloutLine> Rows(ElearningRolloutDbContext db, IQueryable<Rollout> rollouts, bool soon) =>
        rollouts.Select(r => new RolloutLine
        {
            Soon = soon, Code = r.Code, Title = r.Title, Phase = r.CurrentPhase, Health = r.Health, TargetGoLive = r.TargetGoLive,
            Owner = db.Users.Where(u => u.Id == r.TrainingOwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
        });

    private static List<PortfolioRow> PortfolioRows(IEnumerable<RolloutLine> rows, DateOnly today) => rows
        .OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code, StringComparer.Ordinal)
        .Select(r => new PortfolioRow(r.Code, r.Title, r.Phase, r.Health, r.TargetGoLive, r.Owner, r.TargetGoLive.DayNumber - today.DayNumber))
        .ToList();

    private static IQueryable<AttentionLine> Overdue(ElearningRolloutDbContext db, IQueryable<ClearanceGate> gatesOfActive, DateOnly today) => gatesOfActive
        .Where(g => GateStateRules.AwaitingDecision.Contains(g.State) && g.DueDate < today)
        .OrderBy(g => g.DueDate).Take(ListLength)
        .Select(g => new AttentionLine
        {
            GateId = g.Id, Code = db.Rollouts.Where(r => r.Id == g.RolloutId).Select(r => r.Code).First(), Kind = g.Kind, Text = null, DueDate = g.DueDate!.Value,
            Person = db.Users.Where(u => u.Id == g.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
        });

    private static IQueryable<AttentionLine> Unmet(ElearningRolloutDbContext db, IQueryable<Rollout> active) => db.ClearanceGates
        .Where(g => active.Any(r => r.Id == g.RolloutId))
        .SelectMany(g => g.Conditions.Where(c => c.MetAt == null), (g, c) => new { GateId = g.Id, g.RolloutId, g.Kind, c.Text, c.OwnerId, c.DueDate })
        .OrderBy(c => c.DueDate).Take(ListLength)
        .Select(c => new AttentionLine
        {
            GateId = c.GateId, Code = db.Rollouts.Where(r => r.Id == c.RolloutId).Select(r => r.Code).First(), Kind = c.Kind, Text = c.Text, DueDate = c.DueDate,
            Person = db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
        });

    // Set by initialisers, not a constructor: EF Core combines two queries (UNION ALL) only when it can see each column.

    /// <summary>A rollout as one statement returns it; <see cref="Soon"/> tells the go-live list from the portfolio page.</summary>
    private sealed class RolloutLine
    {
        public bool Soon { get; init; }

        public string Code { get; init; } = "";

        public string Title { get; init; } = "";

        public PhaseKind Phase { get; init; }

        public RolloutHealth Health { get; init; }

        public DateOnly TargetGoLive { get; init; }

        public string Owner { get; init; } = "";
    }

    /// <summary>An overdue gate (no <see cref="Text"/>; the person is the reviewer) or an unmet condition (the person is its owner).</summary>
    private sealed class AttentionLine
    {
        public Guid GateId { get; init; }

        public string Code { get; init; } = "";

        public GateKind Kind { get; init; }

        public string? Text { get; init; }

        public DateOnly DueDate { get; init; }

        public string? Person { get; init; }
    }
}
