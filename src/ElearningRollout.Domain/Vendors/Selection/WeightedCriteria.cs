using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>One criterion as a person writes it: an existing one keeps its <see cref="Id"/> (and its scores).</summary>
public sealed record CriterionSpec(Guid? Id, string Name, int Weight, bool MustHave);

/// <summary>
/// The rules every set of weighted criteria obeys, whether it is a selection's or the administrators' defaults:
/// at least one criterion, names unique, each weight 1-100 and the weights totalling exactly 100, so that a
/// candidate scoring 5 everywhere reaches 100.
/// </summary>
public static class WeightedCriteria
{
    public const int MaxNameLength = 100;
    public const int TotalWeight = 100;

    public static string WeightsMessage(int total) =>
        $"The weights must total exactly {TotalWeight}; they total {total} now.";

    /// <summary>Every problem with <paramref name="criteria"/>, in words a person can act on; empty when they are fine.</summary>
    public static IReadOnlyList<string> ProblemsWith(IReadOnlyList<CriterionSpec> criteria)
    {
        if (criteria.Count == 0)
        {
            return ["Keep at least one criterion."];
        }

        var problems = new List<string>();
        var names = criteria.Select(c => c.Name?.Trim() ?? "").ToList();
        if (names.Any(n => n.Length == 0))
        {
            problems.Add("Every criterion needs a name.");
        }

        if (names.FirstOrDefault(n => n.Length > MaxNameLength) is { } tooLong)
        {
            problems.Add($"Keep the name {tooLong[..20]}... to {MaxNameLength} characters.");
        }

        if (names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problems.Add($"Two criteria are called {twice.Key}; each name must be different.");
        }

        if (criteria.FirstOrDefault(c => c.Weight is < 1 or > TotalWeight) is { } outOfRange)
        {
            problems.Add($"The weight of {Named(outOfRange)} must be between 1 and {TotalWeight}.");
        }

        var total = criteria.Sum(c => c.Weight);
        if (total != TotalWeight)
        {
            problems.Add(WeightsMessage(total));
        }

        return problems;
    }

    /// <summary>Refuses the first problem; returns the criteria with their names trimmed.</summary>
    public static IReadOnlyList<CriterionSpec> Validate(IReadOnlyList<CriterionSpec> criteria)
    {
        if (ProblemsWith(criteria) is [var first, ..])
        {
            throw new DomainException(first);
        }

        return criteria.Select(c => c with { Name = c.Name.Trim() }).ToList();
    }

    private static string Named(CriterionSpec criterion) => string.IsNullOrWhiteSpace(criterion.Name) ? "an unnamed criterion" : criterion.Name.Trim();
}
