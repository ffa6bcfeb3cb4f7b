using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>Costs are split only between departments in the Departments table, spelled as it spells them.</summary>
internal static class CostSharingDepartments
{
    public static async Task<HashSet<string>> NamesAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
        => (await db.Departments.AsNoTracking().Select(d => d.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The split with each department's stored name. The form's server rules (<see cref="CostLineServerRules"/>) have
    /// already refused an unknown department beside the split.
    /// </summary>
    public static async Task<CostSplit> ResolveAsync(ElearningRolloutDbContext db, IReadOnlyList<DepartmentShare> shares, CancellationToken cancellationToken)
    {
        var byName = (await NamesAsync(db, cancellationToken)).ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        return new CostSplit(shares.Select(s => s with { Department = byName[s.Department] }));
    }
}
