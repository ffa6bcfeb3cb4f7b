using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Dashboard;

/// <summary>
/// The executives' sign-off dashboard in six SQL statements whatever the number of rollouts: every figure is
/// grouped or limited in the database (counts by health, one page of the portfolio, the gate heatmap as counts,
/// the ten most overdue gates, the ten most urgent unmet conditions, the sign-offs awaiting me).
/// </summary>
public sealed class PortfolioDashboard(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock)
{
    public const int ListLength = 10;
    public const int GoLiveHorizonDays = 90;

    public async Task<DashboardModel> LoadAsync(DashboardFilter filter, PageRequest portfolioPage, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(GoLiveHorizonDays);
        var active = Active(db, filter);

        var counts = await active.GroupBy(r => new { r.Health, Soon = r.TargetGoLive <= horizon })
            .Select(g => new { g.Key.Health, g.Key.Soon, Count = g.Count() }).ToListAsync(cancellationToken);

        var portfolio = await active.OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code)
            .Skip(portfolioPage.Skip).Take(portfolioPage.SafeSize)
            .Select(r => new
            {
                r.Code, r.Title, r.CurrentPhase, r.Health, r.TargetGoLive,
                Owner = db.Users.Where(u => u.Id == r.TrainingOwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            })
            .ToListAsync(cancellationToken);

        var gatesOfActive = db.ClearanceGates.Where(g => g.IsRequired && active.Any(r => r.Id == g.RolloutId));
        var heatmap = await gatesOfActive.GroupBy(g => new { g.Kind, g.State })
            .Select(g => new HeatmapCell(g.Key.Kind, g.Key.State, g.Count())).ToListAsync(cancellationToken);

        var overdue = await gatesOfActive
            .Where(g => (g.State == GateState.Submitted || g.State == GateState.InReview) && g.DueDate < today)
            .OrderBy(g => g.DueDate).Take(ListLength)
            .Select(g => new OverdueGateRow(g.Id, db.Rollouts.Where(r => r.Id == g.RolloutId).Select(r => r.Code).First(), g.Kind, g.DueDate!.Value,
                db.Users.Where(u => u.Id == g.ReviewerId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var conditions = await db.ClearanceGates.Where(g => active.Any(r => r.Id == g.RolloutId))
            .SelectMany(g => g.Conditions.Where(c => c.MetAt == null), (g, c) => new { GateId = g.Id, g.RolloutId, c.Text, c.OwnerId, c.DueDate })
            .OrderBy(c => c.DueDate).Take(ListLength)
            .Select(c => new UnmetConditionRow(c.GateId, db.Rollouts.Where(r => r.Id == c.RolloutId).Select(r => r.Code).First(), c.Text,
                db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "", c.DueDate, c.DueDate < today))
            .ToListAsync(cancellationToken);

        var canSignOff = actor.IsInRole(Roles.Executive);
        var awaiting = canSignOff
            ? await gatesOfActive
                .Where(g => g.Kind == GateKind.GoLiveSignOff && (g.State == GateState.Submitted || g.State == GateState.InReview)
                    && (g.ReviewerId == actor.UserId || g.ReviewerId == null))
                .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { g.Id, g.Version, r.Code, r.Title, r.TargetGoLive })
                .OrderBy(x => x.TargetGoLive).Take(ListLength)
                .Select(x => new SignOffRow(x.Id, x.Version, x.Code, x.Title, x.TargetGoLive))
                .ToListAsync(cancellationToken)
            : [];

        return new DashboardModel(
            counts.Sum(c => c.Count),
            counts.Where(c => c.Soon).Sum(c => c.Count),
            counts.GroupBy(c => c.Health).Select(g => new HealthCount(g.Key, g.Sum(c => c.Count))).OrderBy(h => h.Health).ToList(),
            portfolio.Select(r => new PortfolioRow(r.Code, r.Title, r.CurrentPhase, r.Health, r.TargetGoLive, r.Owner, r.TargetGoLive.DayNumber - today.DayNumber)).ToList(),
            heatmap,
            overdue,
            conditions,
            awaiting,
            canSignOff);
    }

    /// <summary>Active means under way: Active and OnHold (drafts have not started, Live and ended ones are done).</summary>
    private static IQueryable<Rollout> Active(ElearningRolloutDbContext db, DashboardFilter filter)
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
}
