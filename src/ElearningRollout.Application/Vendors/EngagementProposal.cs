using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Puts a vendor on a rollout: the rules of proposing in one place, so that the Vendors tab and vendor selection
/// (choosing a winner creates its engagement in the same save as the selection's decision) propose the same way.
/// </summary>
internal static class EngagementProposal
{
    public const string OfClosedRollout = "its vendor engagements";

    /// <summary>Only the rollout's training owner (or an administrator) proposes vendors for it.</summary>
    public static readonly EditAccess<RolloutEdit> Access = new(e => VendorAccess.EnsureCanManageEngagements(e.Actor, e.Rollout.TrainingOwnerId));

    private static readonly string[] EngagementEntityTypes =
        [nameof(VendorEngagement), nameof(TechnicalRequirement), nameof(CourseDeliverable), nameof(Domain.CoursePackages.CoursePackageCheck)];

    /// <summary>A conflict names the last person who changed an engagement of this rollout, its requirements or deliverables.</summary>
    public static ConcurrencyGuard Guard(Guid rolloutId) =>
        new("vendor engagement", a => a.RolloutId == rolloutId && EngagementEntityTypes.Contains(a.EntityType));

    /// <summary>Adds the engagement to the operation's context without saving (the pipeline saves); access was checked by the pipeline.</summary>
    public static async Task<VendorEngagement> AddAsync(
        RolloutEdit edit, Guid vendorId, EngagementType type, EngagementTerms terms, CancellationToken cancellationToken)
    {
        var (db, rollout) = (edit.Db, edit.Rollout);
        var vendorName = await db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That vendor is not in the registry.");
        if (await db.VendorEngagements.AnyAsync(
                e => e.RolloutId == rollout.Id && e.VendorId == vendorId && e.Type == type && CertificationAlerts.OpenStatuses.Contains(e.Status),
                cancellationToken))
        {
            throw new DomainException($"{vendorName} already has an open {type.DisplayName().ToLowerInvariant()} engagement on this rollout.");
        }

        var engagement = new VendorEngagement(
            rollout.Id, vendorId, type, terms, TechnicalRequirementCatalogue.For(rollout.Hosting, rollout.Integrations, rollout.Channels),
            edit.Actor.UserId, edit.Now);
        db.VendorEngagements.Add(engagement);
        return engagement;
    }
}
