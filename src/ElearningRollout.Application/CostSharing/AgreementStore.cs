using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// Reads cost-sharing agreements whole. An agreement's lines, its actual spend and its versions are three collections:
/// read in one statement they come back multiplied, every line with every spend with every version (24 lines, three
/// years of monthly spend and 3 versions are over 2,500 rows for 63 records), and spend grows every month. Each is
/// read by a statement of its own instead, as the vendor selection is. Every load of an agreement goes through here.
/// </summary>
internal static class AgreementStore
{
    public static IQueryable<CostSharingAgreement> Whole(ElearningRolloutDbContext db) => db.CostSharingAgreements.AsSplitQuery();
}
