using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>Reads for the vendor registry: every signed-in person reads it.</summary>
public sealed class VendorQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock) : IUseCases
{
    public async Task<bool> CanRegisterAsync(CancellationToken cancellationToken = default) =>
        VendorAccess.CanRegister(await currentActor.RequireAsync(cancellationToken));

    /// <summary>One page, by name; the certifications come in the same query.</summary>
    public async Task<Page<VendorRow>> ListAsync(VendorListQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = CertificationAlerts.Today(clock);
        var vendors = db.Vendors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToLower();
            vendors = vendors.Where(v => v.Name.ToLower().Contains(text) || (v.ContactName != null && v.ContactName.ToLower().Contains(text)));
        }

        if (query.NeedingAttentionOnly)
        {
            var warnFrom = today.AddDays(VendorCertification.WarningDays);
            vendors = vendors.Where(v => v.Certifications.Any(c => c.ExpiresOn <= warnFrom));
        }

        var total = await vendors.CountAsync(cancellationToken);
        var rows = await vendors.OrderBy(v => v.Name).ThenBy(v => v.Id).Skip(page.Skip).Take(page.SafeSize)
            .Select(v => new
            {
                Vendor = v,
                OpenEngagements = db.VendorEngagements.Count(e => e.VendorId == v.Id && CertificationAlerts.OpenStatuses.Contains(e.Status)),
            })
            .ToListAsync(cancellationToken);
        return new Page<VendorRow>(rows.Select(r => new VendorRow(
            r.Vendor.Id, r.Vendor.Name, r.Vendor.ContactName, CertificationAlerts.Views(r.Vendor, today), r.Vendor.Questionnaire,
            r.Vendor.QuestionnaireStatus, r.Vendor.DpaSigned, r.Vendor.DataResidency, r.OpenEngagements)).ToList(), total);
    }

    /// <summary>Null when there is no such vendor.</summary>
    public async Task<VendorDetails?> GetAsync(Guid vendorId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == vendorId, cancellationToken);
        if (vendor is null)
        {
            return null;
        }

        var engagements = await db.VendorEngagements.AsNoTracking().Where(e => e.VendorId == vendorId)
            .Join(db.Rollouts, e => e.RolloutId, r => r.Id, (e, r) => new { Engagement = e, r.Code, r.Title })
            .OrderBy(x => x.Code).ThenBy(x => x.Engagement.Id)
            .Select(x => new VendorEngagementRow(x.Engagement.Id, x.Code, x.Title, x.Engagement.Type, x.Engagement.Status))
            .ToListAsync(cancellationToken);
        return new VendorDetails(
            vendor.Id, vendor.Name, vendor.ContactName, vendor.ContactEmail, vendor.ContactPhone, vendor.Questionnaire, vendor.QuestionnaireStatus,
            vendor.QuestionnaireDate, vendor.DpaSigned, vendor.DataResidency, CertificationAlerts.Views(vendor, CertificationAlerts.Today(clock)),
            engagements, vendor.Version, new VendorPermissions(VendorAccess.CanRegister(actor), VendorAccess.CanEditSecurity(actor)));
    }
}
