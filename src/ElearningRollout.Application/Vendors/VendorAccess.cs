using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Who may do what with vendors (issue "Vendors", permissions). Training managers and IT leads register vendors and keep
/// their contacts; only IT leads keep the security record; the rollout's training owner manages its engagements and
/// deliverables and records the vendor's acknowledgements; IT leads own the technical requirements; executives read.
/// Administrators may step in everywhere, as elsewhere in the product.
/// </summary>
public static class VendorAccess
{
    public static bool CanRegister(Actor actor) =>
        actor.IsInRole(Roles.TrainingManager) || actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    public static bool CanEditSecurity(Actor actor) => actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    public static bool CanManageEngagements(Actor actor, string trainingOwnerId) => RolloutAccess.CanEdit(actor, trainingOwnerId);

    public static bool CanOwnRequirements(Actor actor) => actor.IsInRole(Roles.ItLead) || actor.IsAdministrator;

    public static void EnsureCanRegister(Actor actor)
    {
        if (!CanRegister(actor))
        {
            throw new AccessRefusedException("Only training managers, IT leads and administrators can register vendors and change their contacts.");
        }
    }

    public static void EnsureCanEditSecurity(Actor actor)
    {
        if (!CanEditSecurity(actor))
        {
            throw new AccessRefusedException("Only IT leads and administrators keep a vendor's certifications, questionnaire, DPA and data residency.");
        }
    }

    public static void EnsureCanManageEngagements(Actor actor, string trainingOwnerId)
    {
        if (!CanManageEngagements(actor, trainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can manage its vendor engagements and deliverables.");
        }
    }

    public static void EnsureCanOwnRequirements(Actor actor)
    {
        if (!CanOwnRequirements(actor))
        {
            throw new AccessRefusedException("Only IT leads and administrators write the technical requirements for a vendor.");
        }
    }
}
