using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Gates;

/// <summary>Who takes part in a gate's conversation (deciding is the gate's own rule, by role).</summary>
public static class GateAccess
{
    public static bool CanComment(Actor actor, string trainingOwnerId) =>
        RolloutAccess.CanEdit(actor, trainingOwnerId) || actor.IsInRole(Roles.ItLead) || actor.IsInRole(Roles.Executive);
}
