using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// Who takes part in a gate. Deciding and waiving are the gate's own rules (<see cref="GateApprovalPolicy"/>; the
/// domain refuses them too); they are checked here first so that such a refusal is an access refusal, written to the audit log.
/// Separation of duties (not the submitter) and who meets a condition stay with the gate.
/// </summary>
public static class GateAccess
{
    public static bool CanComment(Actor actor, string trainingOwnerId) =>
        RolloutAccess.CanEdit(actor, trainingOwnerId) || actor.IsInRole(Roles.ItLead) || actor.IsInRole(Roles.Executive);

    public static void EnsureCanDecide(Actor actor, GateKind kind)
    {
        var approval = GateApprovalPolicy.For(kind);
        if (!approval.MayDecide(actor))
        {
            throw new AccessRefusedException(approval.DecideRefusal(kind));
        }
    }

    public static void EnsureCanWaive(Actor actor)
    {
        if (!GateApprovalPolicy.MayWaive(actor))
        {
            throw new AccessRefusedException(GateApprovalPolicy.WaiveRefusal);
        }
    }

    /// <summary>The training owner (or an administrator) fills in and submits the rollout's gates.</summary>
    public static void EnsureCanFill(Actor actor, string trainingOwnerId)
    {
        if (!RolloutAccess.CanEdit(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can fill in and submit this gate.");
        }
    }

    public static void EnsureCanComment(Actor actor, string trainingOwnerId)
    {
        if (!CanComment(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner, IT leads, executives and administrators can comment on a gate.");
        }
    }
}
