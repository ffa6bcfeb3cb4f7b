using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// Who may do what with a rollout's cost-sharing agreement. Everyone signed in reads it; the training owner
/// (or an administrator) drafts and proposes; signing is per side (see AgreementSignatories); IT leads also
/// record actual spend, because much of it is IT's, but they do not edit the lines Training proposes: they
/// propose changes through comments on the agreement.
/// </summary>
public static class CostSharingAccess
{
    public static bool CanManage(Actor actor, string trainingOwnerId) => RolloutAccess.CanEdit(actor, trainingOwnerId);

    public static bool CanRecordActuals(Actor actor, string trainingOwnerId) =>
        CanManage(actor, trainingOwnerId) || actor.IsInRole(Roles.ItLead);

    /// <summary>IT proposes changes to the lines by commenting; the training owner answers. Executives read.</summary>
    public static bool CanComment(Actor actor, AgreementSignatories signatories) =>
        CanManage(actor, signatories.TrainingOwnerId) || signatories.SidesOf(actor).Contains(AgreementSide.It);

    public static void EnsureCanComment(Actor actor, AgreementSignatories signatories)
    {
        if (!CanComment(actor, signatories))
        {
            throw new AccessRefusedException("Only the rollout's training owner, its IT liaison, IT leads and administrators can comment on the cost-sharing agreement.");
        }
    }

    public static void EnsureCanManage(Actor actor, string trainingOwnerId)
    {
        if (!CanManage(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can change the cost-sharing agreement.");
        }
    }

    public static void EnsureCanSign(Actor actor, AgreementSignatories signatories)
    {
        if (signatories.SidesOf(actor).Count == 0)
        {
            throw new AccessRefusedException("Only the rollout's training owner signs for Training, and its IT liaison or an IT lead for IT.");
        }
    }

    public static void EnsureCanRecordActuals(Actor actor, string trainingOwnerId)
    {
        if (!CanRecordActuals(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner, IT leads and administrators can record actual spend.");
        }
    }
}
