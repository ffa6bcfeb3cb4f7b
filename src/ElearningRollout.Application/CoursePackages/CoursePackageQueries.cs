using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>Reads of course package reports; every signed-in person reads them, as they read the Vendors tab and the gates.</summary>
public sealed class CoursePackageQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    /// <summary>The gates whose checklists the package reports are evidence for: content standards and the network's allow-list, and security.</summary>
    public static readonly IReadOnlyList<GateKind> EvidenceGates = [GateKind.IntegrationAndContentStandards, GateKind.SecurityReview];

    /// <summary>
    /// The latest package report of every deliverable of the gate's rollout, for the Integration and Security gates'
    /// checklist items; empty for any other gate, null when there is no such gate.
    /// </summary>
    public async Task<IReadOnlyList<CoursePackageEvidenceRow>?> EvidenceForGateAsync(Guid gateId, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gate = await db.ClearanceGates.AsNoTracking().Where(g => g.Id == gateId).Select(g => new { g.RolloutId, g.Kind }).SingleOrDefaultAsync(cancellationToken);
        if (gate is null)
        {
            return null;
        }

        if (!EvidenceGates.Contains(gate.Kind))
        {
            return [];
        }

        var engagements = await Vendors.EngagementStore.Whole(db).AsNoTracking()
            .Where(e => e.RolloutId == gate.RolloutId && e.Type == EngagementType.CourseDevelopment)
            .ToListAsync(cancellationToken);
        var vendorIds = engagements.Select(e => e.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.AsNoTracking().Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var latest = engagements
            .SelectMany(e => e.Deliverables.Select(d => (Engagement: e, Check: e.LatestPackageCheck(d.Stage))))
            .Where(x => x.Check is not null)
            .ToList();
        var names = await NamesAsync(db, latest.Select(x => x.Check!), cancellationToken);
        return latest
            .OrderBy(x => vendors[x.Engagement.VendorId], StringComparer.CurrentCulture).ThenBy(x => x.Check!.Stage)
            .Select(x => new CoursePackageEvidenceRow(x.Engagement.Id, vendors[x.Engagement.VendorId], View(x.Check!, names)))
            .ToList();
    }

    internal static CoursePackageView View(CoursePackageCheck check, IReadOnlyDictionary<string, string> names) => new(
        check.Id, check.Stage, check.FileName, check.PackageBytes, check.Sha256, check.CheckedAt,
        names.GetValueOrDefault(check.CheckedById, "(former user)"), check.Report);

    internal static async Task<IReadOnlyDictionary<string, string>> NamesAsync(
        ElearningRolloutDbContext db, IEnumerable<CoursePackageCheck> checks, CancellationToken cancellationToken)
    {
        var ids = checks.Select(c => c.CheckedById).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
