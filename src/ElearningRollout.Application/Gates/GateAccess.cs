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

    /// <summary>
    /// The refusal <see cref="EnsureCanDecide"/> gives; null when the person holds the deciding role of the approval
    /// policy version the gate's round was submitted under (the kind's role for a round submitted before policies named it).
    /// </summary>
    public static string? WhyMayNotDecide(Actor actor, ClearanceGate gate) => gate.HoldsDecidingRole(actor) ? null : gate.DecidingRoleRefusal;

    /// <summary>The refusal <see cref="EnsureCanWaive"/> gives; null when the person holds the waiving role.</summary>
    public static string? WhyMayNotWaive(Actor actor) => GateApprovalPolicy.MayWaive(actor) ? null : GateApprovalPolicy.WaiveRefusal;

    public static void EnsureCanDecide(Actor actor, ClearanceGate gate)
    {
        if (WhyMayNotDecide(actor, gate) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }

    public static void EnsureCanWaive(Actor actor)
    {
        if (WhyMayNotWaive(actor) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }

    /// <summary>Why <paramref name="actor"/> may not reassign a review to someone else (only administrators may); null when they may.</summary>
    public static string? WhyMayNotReassign(Actor actor) => actor.IsAdministrator ? null : "Only an administrator can reassign a review.";

    public static void EnsureCanReassign(Actor actor)
    {
        if (WhyMayNotReassign(actor) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }

    /// <summary>Why <paramref name="actor"/> may not fill in and submit the gate (the refusal <see cref="EnsureCanFill"/> gives); null when they may.</summary>
    public static string? WhyMayNotFill(Actor actor, string trainingOwnerId) => RolloutAccess.CanEdit(actor, trainingOwnerId)
        ? null
        : "Only the rollout's training owner or an administrator can fill in and submit this gate.";

    /// <summary>Why <paramref name="actor"/> may not comment (the refusal <see cref="EnsureCanComment"/> gives); null when they may.</summary>
    public static string? WhyMayNotComment(Actor actor, string trainingOwnerId) => CanComment(actor, trainingOwnerId)
        ? null
        : "Only the rollout's training owner, IT leads, executives and administrators can comment on a gate.";

    /// <summary>The training owner (or an administrator) fills in and submits the rollout's gates.</summary>
    public static void EnsureCanFill(Actor actor, string trainingOwnerId)
    {
        if (WhyMayNotFill(actor, trainingOwnerId) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }

    public static void EnsureCanComment(Actor actor, string trainingOwnerId)
    {
        if (WhyMayNotComment(actor, trainingOwnerId) is { } refusal)
        {
            throw new AccessRefusedException(refusal);
        }
    }
}
