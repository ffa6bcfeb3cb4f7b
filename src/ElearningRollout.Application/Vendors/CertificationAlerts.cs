using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Expired or soon-expiring vendor certifications, flagged wherever the vendor is engaged: on the vendor, on each of its
/// open engagements, and on the Security review gate of each rollout with an open engagement of that vendor.
/// </summary>
internal static class CertificationAlerts
{
    /// <summary>Completed and terminated engagements no longer put the rollout at risk.</summary>
    public static readonly IReadOnlyList<EngagementStatus> OpenStatuses = VendorEngagement.OpenStatuses;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static IReadOnlyList<CertificationView> Views(Vendor vendor, DateOnly today) =>
        vendor.Certifications.OrderBy(c => c.Kind).Select(c => new CertificationView(c.Kind, c.ExpiresOn, c.StandingOn(today))).ToList();

    public static IReadOnlyList<CertificationAlert> Of(Vendor vendor, DateOnly today) =>
        vendor.CertificationsNeedingAttention(today)
            .Select(c => new CertificationAlert(vendor.Id, vendor.Name, c.Kind, c.ExpiresOn, c.StandingOn(today)))
            .ToList();

    /// <summary>The alerts of every vendor with an open engagement on the rollout: one query for the vendors and their certifications.</summary>
    public static async Task<IReadOnlyList<CertificationAlert>> ForRolloutAsync(
        ElearningRolloutDbContext db, Guid rolloutId, DateOnly today, CancellationToken cancellationToken)
    {
        var engaged = db.VendorEngagements.Where(e => e.RolloutId == rolloutId && OpenStatuses.Contains(e.Status)).Select(e => e.VendorId);
        var vendors = await db.Vendors.AsNoTracking().Where(v => engaged.Contains(v.Id)).ToListAsync(cancellationToken);
        return vendors.OrderBy(v => v.Name).SelectMany(v => Of(v, today)).ToList();
    }
}
