using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Bandwidth;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>
/// Reads bandwidth plans whole. A plan's sites and launch waves are two collections: read in one statement they come
/// back multiplied, every site with every wave and its allocations (up to 50 sites and 52 waves are 2,600 rows), so
/// each is read by a statement of its own, as the gate is (GateStore). Every load of a plan goes through here.
/// </summary>
internal static class BandwidthPlanStore
{
    public static IQueryable<BandwidthPlan> Whole(ElearningRolloutDbContext db) => db.BandwidthPlans.AsSplitQuery();
}
