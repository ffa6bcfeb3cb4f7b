using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Who may do what on a rollout (issue "Rollouts and phases", permissions). Every command asks here;
/// the screens ask too, only to decide which buttons to show.
/// </summary>
public static class RolloutAccess
{
    public static bool CanCreate(Actor actor) => actor.IsInRole(Roles.TrainingManager) || actor.IsAdministrator;

    /// <summary>The training owner edits and moves phases; administrators may step in.</summary>
    public static bool CanEdit(Actor actor, string trainingOwnerId) => actor.UserId == trainingOwnerId || actor.IsAdministrator;

    /// <summary>IT leads raise risks on any rollout (that is where Training-IT conflicts surface); owners on theirs.</summary>
    public static bool CanRaiseRisks(Actor actor, string trainingOwnerId)
        => CanEdit(actor, trainingOwnerId) || actor.IsInRole(Roles.ItLead);

    public static void EnsureCanCreate(Actor actor)
    {
        if (!CanCreate(actor))
        {
            throw new AccessRefusedException("Only training managers can create rollouts.");
        }
    }

    public static void EnsureCanEdit(Actor actor, string trainingOwnerId)
    {
        if (!CanEdit(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can change this rollout.");
        }
    }

    public static void EnsureCanRaiseRisks(Actor actor, string trainingOwnerId)
    {
        if (!CanRaiseRisks(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner, IT leads and administrators can log risks and issues here.");
        }
    }
}
