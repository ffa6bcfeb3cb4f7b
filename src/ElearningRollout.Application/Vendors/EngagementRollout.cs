using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>What engagements need to know about their rollout: who owns it, what it connects to, is it final.</summary>
internal sealed record EngagementRollout(
    Guid Id, string Code, string Title, string TrainingOwnerId, string? ItLiaisonId, HostingModel Hosting, Integrations Integrations,
    AccessChannels Channels, LifecycleStatus Status)
{
    private static readonly string[] EngagementEntityTypes =
        [nameof(VendorEngagement), nameof(TechnicalRequirement), nameof(CourseDeliverable)];

    public bool IsFinal => Status.IsFinal();

    public static async Task<EngagementRollout> FindAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await Rollouts(db.Rollouts.Where(r => r.Code == code)).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"There is no rollout {code}.");

    public static async Task<EngagementRollout> FindAsync(ElearningRolloutDbContext db, Guid id, CancellationToken cancellationToken)
        => await Rollouts(db.Rollouts.Where(r => r.Id == id)).SingleAsync(cancellationToken);

    /// <summary>A conflict names the last person who changed an engagement of this rollout, its requirements or deliverables.</summary>
    public ConcurrencyGuard Guard() =>
        new("vendor engagement", a => a.RolloutId == Id && EngagementEntityTypes.Contains(a.EntityType));

    /// <summary>A closed or cancelled rollout is a record; its engagements no longer change.</summary>
    public void EnsureNotFinal()
    {
        if (IsFinal)
        {
            throw new DomainException($"This rollout is {Status.InSentence()}; its vendor engagements can no longer change.");
        }
    }

    // Filtered before the projection: EF cannot translate a filter on a constructed record.
    private static IQueryable<EngagementRollout> Rollouts(IQueryable<Rollout> rollouts) =>
        rollouts.AsNoTracking().Select(r => new EngagementRollout(
            r.Id, r.Code, r.Title, r.TrainingOwnerId, r.ItLiaisonId, r.HostingModel, r.Integrations, r.AccessChannels, r.LifecycleStatus));
}
