using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>A conflict on an agreement names the last person who changed the agreement, its lines or its spend (not a comment).</summary>
internal static class CostSharingGuard
{
    private static readonly string[] AgreementEntityTypes =
        [nameof(CostSharingAgreement), nameof(CostLine), nameof(ActualSpend)];

    public static ConcurrencyGuard For(Guid rolloutId) =>
        new("cost-sharing agreement", a => a.RolloutId == rolloutId && AgreementEntityTypes.Contains(a.EntityType));
}
