using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Puts a vendor on a rollout: the rules of proposing in one place, so that the Vendors tab and vendor selection
/// (choosing a winner creates its engagement in the same save as the selection's decision) propose the same way.
/// </summary>
internal static class EngagementProposal
{
    private static readonly EngagementStatus[] OpenStatuses =
        [EngagementStatus.Proposed, EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active];

    /// <summary>Adds the engagement to <paramref name="db"/> without saving; the caller saves.</summary>
    public static async Task<VendorEngagement> AddAsync(
        ElearningRolloutDbContext db, Actor actor, string rolloutCode, Guid vendorId, EngagementType type, EngagementTerms terms,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Code == rolloutCode)
            .Select(r => new { r.Id, r.TrainingOwnerId, r.HostingModel, r.Integrations, r.AccessChannels, r.LifecycleStatus })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no rollout {rolloutCode}.");
        if (!RolloutAccess.CanEdit(actor, rollout.TrainingOwnerId))
        {
            throw new AccessRefusedException("Only the rollout's training owner or an administrator can manage its vendor engagements and deliverables.");
        }

        if (rollout.LifecycleStatus is LifecycleStatus.Closed or LifecycleStatus.Cancelled)
        {
            throw new DomainException("This rollout is closed or cancelled; its vendor engagements can no longer change.");
        }

        var vendorName = await db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("That vendor is not in the registry.");
        if (await db.VendorEngagements.AnyAsync(
                e => e.RolloutId == rollout.Id && e.VendorId == vendorId && e.Type == type && OpenStatuses.Contains(e.Status),
                cancellationToken))
        {
            throw new DomainException($"{vendorName} already has an open {type.DisplayName().ToLowerInvariant()} engagement on this rollout.");
        }

        var engagement = new VendorEngagement(
            rollout.Id, vendorId, type, terms, TechnicalRequirementCatalogue.For(rollout.HostingModel, rollout.Integrations, rollout.AccessChannels),
            actor.UserId, now);
        db.VendorEngagements.Add(engagement);
        return engagement;
    }
}
