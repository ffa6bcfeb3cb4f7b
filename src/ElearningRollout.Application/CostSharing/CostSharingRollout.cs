using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>What cost sharing needs to know about the rollout: who owns it, who is its IT liaison, is it final.</summary>
internal sealed record CostSharingRollout(Guid Id, string Code, string Title, string TrainingOwnerId, string? ItLiaisonId, LifecycleStatus Status)
{
    private static readonly string[] AgreementEntityTypes =
        [nameof(CostSharingAgreement), nameof(CostLine), nameof(ActualSpend)];

    public AgreementSignatories Signatories => new(TrainingOwnerId, ItLiaisonId);

    public bool IsFinal => Status.IsFinal();

    public static async Task<CostSharingRollout> FindAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await FindOrNullAsync(db, code, cancellationToken) ?? throw new NotFoundException($"There is no rollout {code}.");

    public static Task<CostSharingRollout?> FindOrNullAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => db.Rollouts.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new CostSharingRollout(r.Id, r.Code, r.Title, r.TrainingOwnerId, r.ItLiaisonId, r.LifecycleStatus))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>A conflict names the last person who changed the agreement, its lines or its spend.</summary>
    public static ConcurrencyGuard Guard(Guid rolloutId) =>
        new("cost-sharing agreement", a => a.RolloutId == rolloutId && AgreementEntityTypes.Contains(a.EntityType));

    /// <summary>A closed or cancelled rollout is a record; its agreement is no longer changed or signed.</summary>
    public void EnsureNotFinal()
    {
        if (IsFinal)
        {
            throw new DomainException($"This rollout is {Status.InSentence()}; its cost-sharing agreement can no longer be changed.");
        }
    }
}
