using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors;

/// <summary>
/// Reads vendor engagements whole. An engagement's requirements, deliverables and course-package checks are three
/// collections: read in one statement they come back multiplied (every requirement with every deliverable with every
/// check, and a check is added for every package uploaded), so each is read by a statement of its own, as the
/// cost-sharing agreement is (AgreementStore). Every load of an engagement goes through here.
/// </summary>
internal static class EngagementStore
{
    public static IQueryable<VendorEngagement> Whole(ElearningRolloutDbContext db) => db.VendorEngagements.AsSplitQuery();

    /// <summary>An engagement to change, found by id (vendor commands and course-package checks); a conflict names whoever last changed an engagement of its rollout, its requirements or deliverables.</summary>
    public static EditTarget<VendorEngagement> Target(Guid engagementId) => new(
        "vendor engagement",
        async (db, ct) => await Whole(db).SingleOrDefaultAsync(e => e.Id == engagementId, ct)
            ?? throw new NotFoundException("That vendor engagement no longer exists."))
    {
        Guard = engagement => EngagementProposal.Guard(engagement.RolloutId),
    };
}
