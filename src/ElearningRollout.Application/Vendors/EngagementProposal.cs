using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
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
    /// <summary>Adds the engagement to <paramref name="db"/> without saving; the caller saves.</summary>
    public static async Task<VendorEngagement> AddAsync(
        ElearningRolloutDbContext db, RefusalAudit refusals, Actor actor, string rolloutCode, Guid vendorId, EngagementType type, EngagementTerms terms,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rollout = await EngagementRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => VendorAccess.EnsureCanManageEngagements(actor, rollout.TrainingOwnerId), cancellationToken);
        rollout.EnsureNotFinal();
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
            actor.UserId, now);
        db.VendorEngagements.Add(engagement);
        return engagement;
    }
}
