using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Workload;

/// <summary>
/// Who reads IT's workload, and how much of it. IT leads and executives (and administrators) see it per reviewer, to
/// rebalance; training managers see IT's total load and free capacity by week, to time their submissions, but not
/// how busy or slow each colleague in IT is.
/// </summary>
public static class WorkloadAccess
{
    public static bool MaySeeTotals(Actor actor)
        => actor.IsInRole(Roles.TrainingManager) || MaySeeByReviewer(actor);

    public static bool MaySeeByReviewer(Actor actor)
        => actor.IsInRole(Roles.ItLead) || actor.IsInRole(Roles.Executive) || actor.IsAdministrator;

    public const string TotalsRefusal = "IT's workload is for training managers, IT leads, executives and administrators.";

    public const string ByReviewerRefusal = "The workload per IT reviewer is for IT leads, executives and administrators; training managers see IT's total load.";
}
