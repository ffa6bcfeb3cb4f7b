using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>Costs are split only between departments in the Departments table, spelled as it spells them.</summary>
internal static class CostSharingDepartments
{
    public static async Task<HashSet<string>> NamesAsync(ElearningRolloutDbContext db, CancellationToken cancellationToken)
        => (await db.Departments.AsNoTracking().Select(d => d.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The split with each department's stored name; an unknown department is a field error under "Split".</summary>
    public static async Task<CostSplit> ResolveAsync(ElearningRolloutDbContext db, IReadOnlyList<DepartmentShare> shares, CancellationToken cancellationToken)
    {
        var known = await NamesAsync(db, cancellationToken);
        var byName = known.ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);
        var unknown = shares.Where(s => !byName.ContainsKey(s.Department)).Select(s => s.Department).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(CostLineDraft.Split)] = unknown.Select(d => $"{d} is not a department; choose one of the departments.").ToArray(),
            });
        }

        return new CostSplit(shares.Select(s => s with { Department = byName[s.Department] }));
    }
}
