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

    public static IReadOnlyList<CriterionSpec> Validate(IReadOnlyList<CriterionSpec> criteria)
    {
        if (criteria.Count == 0)
        {
            throw new DomainException("A selection needs at least one criterion.");
        }

        var cleaned = criteria
            .Select(c => c with { Name = Require.Text(c.Name, "A criterion's name", MaxNameLength) })
            .ToList();
        if (cleaned.FirstOrDefault(c => c.Weight is < 1 or > TotalWeight) is { } outOfRange)
        {
            throw new DomainException($"The weight of {outOfRange.Name} must be between 1 and {TotalWeight}.");
        }

        if (cleaned.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainException($"Two criteria are called {twice.Key}; each name must be different.");
        }

        var total = cleaned.Sum(c => c.Weight);
        if (total != TotalWeight)
        {
            throw new DomainException(WeightsMessage(total));
        }

        return cleaned;
    }
}
