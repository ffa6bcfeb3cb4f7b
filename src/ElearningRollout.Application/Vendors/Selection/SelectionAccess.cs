using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>
/// Who may do what in a vendor selection (issue "Vendors", item 5). The training owner (or an administrator) runs the
/// selection: candidates, criteria, panel. Training managers and IT leads on the panel score. Only the training owner
/// chooses the winner: it commits the rollout to a vendor, which is the owner's call, not an administrator's.
/// Administrators keep the default criteria. Everyone signed in, executives included, reads.
/// </summary>
public static class SelectionAccess
{
    public static bool CanManage(Actor actor, string trainingOwnerId) => RolloutAccess.CanEdit(actor, trainingOwnerId);

    public static bool CanScore(Actor actor) => actor.IsInRole(Roles.TrainingManager) || actor.IsInRole(Roles.ItLead);

    public static bool CanChooseWinner(Actor actor, string trainingOwnerId) => actor.UserId == trainingOwnerId;

    public static bool CanEditDefaults(Actor actor) => actor.IsAdministrator;

    public static void EnsureCanManage(Actor actor, string trainingOwnerId)
    {
        if (!CanManage(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can run its vendor selection.");
        }
    }

    public static void EnsureCanScore(Actor actor)
    {
        if (!CanScore(actor))
        {
            throw new AccessRefusedException("Only training managers and IT leads score vendors.");
        }
    }

    public static void EnsureCanChooseWinner(Actor actor, string trainingOwnerId)
    {
        if (!CanChooseWinner(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner chooses the winning vendor.");
        }
    }

    public static void EnsureCanEditDefaults(Actor actor)
    {
        if (!CanEditDefaults(actor))
        {
            throw new AccessRefusedException("Only administrators change the default selection criteria.");
        }
    }
}
