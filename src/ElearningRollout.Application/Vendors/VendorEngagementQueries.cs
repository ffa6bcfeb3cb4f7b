using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>Reads for a rollout's Vendors tab and the printable requirements; every signed-in person reads them.</summary>
public sealed class VendorEngagementQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock) : IUseCases
{
    /// <summary>Null when there is no such rollout. A handful of engagements per rollout: loaded whole, with their vendors in one more query.</summary>
    public async Task<RolloutVendors?> GetTabAsync(string rolloutCode, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Code == rolloutCode)
            .Select(r => new { r.Id, r.Code, r.Title, r.TrainingOwnerId, r.LifecycleStatus }).SingleOrDefaultAsync(cancellationToken);
        if (rollout is null)
        {
            return null;
        }

        var engagements = (await EngagementStore.Whole(db).AsNoTracking().Where(e => e.RolloutId == rollout.Id).ToListAsync(cancellationToken))
            .OrderBy(e => e.Id).ToList();
        var vendorIds = engagements.Select(e => e.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.AsNoTracking().Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var names = await PeopleNamesAsync(db, engagements, cancellationToken);
        var packagers = await CoursePackages.CoursePackageQueries.NamesAsync(db, engagements.SelectMany(e => e.PackageChecks), cancellationToken);
        var open = !rollout.LifecycleStatus.IsFinal();
        var can = new EngagementPermissions(
            open && VendorAccess.CanManageEngagements(actor, rollout.TrainingOwnerId),
            open && VendorAccess.CanOwnRequirements(actor),
            open && VendorAccess.CanManageEngagements(actor, rollout.TrainingOwnerId));
        var today = CertificationAlerts.Today(clock);
        var choices = can.Manage
            ? await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new VendorChoice(v.Id, v.Name)).ToListAsync(cancellationToken)
            : [];
        return new RolloutVendors(rollout.Code, rollout.Title,
            engagements.Select(e => View(e, vendors[e.VendorId], names, packagers, can.Manage, today)).ToList(), choices, can);
    }

    /// <summary>Null when there is no such engagement.</summary>
    public async Task<RequirementsSheet?> RequirementsSheetAsync(Guid engagementId, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var engagement = await EngagementStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken);
        if (engagement is null)
        {
            return null;
        }

        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Id == engagement.RolloutId)
            .Select(r => new { r.Code, r.Title, Liaison = db.Users.Where(u => u.Id == r.ItLiaisonId).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var vendor = await db.Vendors.AsNoTracking().Where(v => v.Id == engagement.VendorId).Select(v => v.Name).SingleAsync(cancellationToken);
        var names = await PeopleNamesAsync(db, [engagement], cancellationToken);
        return new RequirementsSheet(rollout.Code, rollout.Title, vendor, engagement.Type, engagement.Status, rollout.Liaison,
            Requirements(engagement, names));
    }

    private static EngagementView View(
        VendorEngagement e, Vendor vendor, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> packagers, bool canManage, DateOnly today)
    {
        return new EngagementView(
            e.Id, vendor.Id, vendor.Name, e.Type, e.Status, e.StatusChangedAt, e.ContractValue, e.Currency, e.StartDate, e.EndDate,
            e.UptimePercent, e.P1ResponseHours, e.TerminationReason, VendorEngagement.NextStatuses(e.Status),
            e.IsFinal ? [] : CertificationAlerts.Of(vendor, today),
            Requirements(e, names),
            e.Deliverables.OrderBy(d => d.Stage).Select(d => new DeliverableView(
                d.Stage, d.State, d.SubmissionNote, d.SubmittedAt, d.DecidedAt, Name(names, d.DecidedById), d.RejectionComments, d.Rejections,
                CanSubmit: canManage && e.MaySubmitDeliverable(d.Stage),
                CanDecide: canManage && e.MayDecideDeliverable(d.Stage),
                Package: e.LatestPackageCheck(d.Stage) is { } check ? CoursePackages.CoursePackageQueries.View(check, packagers) : null,
                CanCheckPackage: canManage && e.MayCheckPackage(d.Stage))).ToList(),
            e.Version);
    }

    private static List<RequirementView> Requirements(VendorEngagement e, IReadOnlyDictionary<string, string> names) =>
        e.Requirements.OrderBy(r => r.Order).Select(r => new RequirementView(
            r.Id, r.Order, r.Topic, r.Text, r.AcknowledgedBy, r.AcknowledgedAt, Name(names, r.AcknowledgementRecordedById))).ToList();

    private static string? Name(IReadOnlyDictionary<string, string> names, string? id) =>
        id is null ? null : names.GetValueOrDefault(id, "(former user)");

    private static async Task<IReadOnlyDictionary<string, string>> PeopleNamesAsync(
        ElearningRolloutDbContext db, IReadOnlyList<VendorEngagement> engagements, CancellationToken cancellationToken)
    {
        var ids = engagements.SelectMany(e => e.Requirements.Select(r => r.AcknowledgementRecordedById).Concat(e.Deliverables.Select(d => d.DecidedById)))
            .OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
