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
}
