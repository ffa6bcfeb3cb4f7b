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
        var list = shares.Select(s => s with { Department = s.Department?.Trim() ?? "" }).ToList();
        var problem = ProblemsWith(list).FirstOrDefault();
        Shares = problem is null ? list : throw new DomainException(problem);
    }

    public IReadOnlyList<DepartmentShare> Shares { get; }

    /// <summary>Every rule the shares break, in words; the form shows them all at once, the constructor refuses on the first.</summary>
    public static IReadOnlyList<string> ProblemsWith(IReadOnlyList<DepartmentShare> shares)
    {
        if (shares.Count == 0)
        {
            return ["Split the cost between at least one department."];
        }

        var problems = new List<string>();
        if (shares.Any(s => string.IsNullOrWhiteSpace(s.Department)))
        {
            problems.Add("Choose a department for every share.");
        }
        else if (shares.Any(s => s.Department.Trim().Length > MaxDepartmentLength))
        {
            problems.Add($"A department name can be at most {MaxDepartmentLength} characters.");
        }

        if (shares.Any(s => s.Percent <= 0))
        {
            problems.Add("Every department's share must be more than 0%.");
        }

        if (shares.Any(s => s.Percent > 100m))
        {
            problems.Add("A department's share cannot be more than 100%.");
        }

        if (shares.Any(s => s.Percent is < -100m or > 100m))
        {
            // The total of absurd shares means nothing and could overflow decimal.
            return problems;
        }

        if (shares.Any(s => !Money.HasAtMostTwoDecimals(s.Percent)))
        {
            problems.Add("Shares can have at most two decimals, such as 33.33%.");
        }

        problems.AddRange(shares.Where(s => !string.IsNullOrWhiteSpace(s.Department))
            .GroupBy(s => s.Department.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} appears twice in the split; give each department one share."));

        var total = shares.Sum(s => s.Percent);
        if (total != 100m)
        {
            problems.Add($"The shares add up to {Percent(total)}; they must total exactly 100%.");
        }

        return problems;
    }

    public static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public bool Equals(CostSplit? other) => other is not null && Shares.SequenceEqual(other.Shares);

    public override bool Equals(object? obj) => Equals(obj as CostSplit);

    public override int GetHashCode() => Shares.Aggregate(0, (hash, share) => HashCode.Combine(hash, share));

    /// <summary>Readable in the audit trail and the version diff: "Training 60%, IT 40%".</summary>
    public override string ToString() => string.Join(", ", Shares.Select(s => $"{s.Department} {Percent(s.Percent)}"));
}
