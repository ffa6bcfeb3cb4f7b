using System.Globalization;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>One department's share of a cost line, in percent.</summary>
public sealed record DepartmentShare(string Department, decimal Percent);

/// <summary>
/// How a cost line is split between departments. A value: valid by construction (shares above 0 with
/// at most two decimals, no department twice, exactly 100 in total), compared by its shares, replaced whole.
/// </summary>
public sealed class CostSplit : IEquatable<CostSplit>
{
    public const int MaxDepartmentLength = 80;

    public CostSplit(IEnumerable<DepartmentShare> shares)
    {
        var list = shares.Select(s => s with { Department = Require.Text(s.Department, "The department of every share", MaxDepartmentLength) }).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("Split the cost between at least one department.");
        }

        if (list.Any(s => s.Percent <= 0))
        {
            throw new DomainException("Every department's share must be more than 0%.");
        }

        if (list.Any(s => !Money.HasAtMostTwoDecimals(s.Percent)))
        {
            throw new DomainException("Shares can have at most two decimals, such as 33.33%.");
        }

        var twice = list.GroupBy(s => s.Department, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DomainException($"{twice.Key} appears twice in the split; give each department one share.");
        }

        var total = list.Sum(s => s.Percent);
        if (total != 100m)
        {
            throw new DomainException($"The shares add up to {Percent(total)}; they must total exactly 100%.");
        }

        Shares = list;
    }

    public IReadOnlyList<DepartmentShare> Shares { get; }

    /// <summary>All of a line to one department.</summary>
    public static CostSplit Entirely(string department) => new([new DepartmentShare(department, 100m)]);

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public bool Equals(CostSplit? other) => other is not null && Shares.SequenceEqual(other.Shares);

    public override bool Equals(object? obj) => Equals(obj as CostSplit);

    public override int GetHashCode() => Shares.Aggregate(0, (hash, share) => HashCode.Combine(hash, share));

    /// <summary>Readable in the audit trail and the version diff: "Training 60%, IT 40%".</summary>
    public override string ToString() => string.Join(", ", Shares.Select(s => $"{s.Department} {Percent(s.Percent)}"));
}
