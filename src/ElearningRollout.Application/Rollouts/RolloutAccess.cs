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

    /// <summary>
    /// Why <paramref name="actor"/> may not change this rollout, who can, and how to ask; null when they may.
    /// The same rule as <see cref="CanEdit"/> (and a final rollout is a record nobody changes), in words for the screen.
    /// </summary>
    public static string? EditRefusal(Actor actor, string trainingOwnerId, string ownerName, string? itLiaisonName, string? finalRefusal)
    {
        if (finalRefusal is not null)
        {
            return finalRefusal;
        }

        if (CanEdit(actor, trainingOwnerId))
        {
            return null;
        }

        var risks = actor.IsInRole(Roles.ItLead)
            ? " As an IT lead you can log risks and issues on the Risks and issues tab."
            : itLiaisonName is null
                ? " IT leads can log risks and issues on it."
                : $" Its IT liaison, {itLiaisonName}, and other IT leads can log risks and issues on it.";
        return $"Only the training owner, {ownerName}, or an administrator can change this rollout. "
            + $"To change it, ask {ownerName}, or ask an administrator to make you its training owner." + risks;
    }

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
