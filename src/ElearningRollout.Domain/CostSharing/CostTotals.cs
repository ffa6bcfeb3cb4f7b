namespace ElearningRollout.Domain.CostSharing;

/// <summary>One department's costs in one currency.</summary>
public sealed record DepartmentTotal(string Department, string Currency, Money OneOff, Money RecurringPerYear, Money OverTerm);

/// <summary>All departments' costs in one currency.</summary>
public sealed record CurrencyTotal(string Currency, Money OneOff, Money RecurringPerYear, Money OverTerm);

/// <summary>
/// Totals per department and per currency; a currency is never added to another, so an agreement with
/// EUR and USD lines has two totals. Each figure is allocated from the line's own figure (not multiplied
/// from an allocated payment), so the department columns add up to the currency totals to the cent.
/// </summary>
public static class CostTotals
{
    public static IReadOnlyList<DepartmentTotal> PerDepartment(IEnumerable<IBudgetLine> lines, int termMonths)
    {
        var totals = new Dictionary<(string Department, string Currency), DepartmentTotal>();
        foreach (var line in lines)
        {
            var oneOff = CostAllocation.Allocate(CostTerm.OneOff(line), line.Split);
            var perYear = CostAllocation.Allocate(CostTerm.RecurringPerYear(line), line.Split);
            var overTerm = CostAllocation.Allocate(CostTerm.OverTerm(line, termMonths), line.Split);
            for (var i = 0; i < line.Split.Shares.Count; i++)
            {
                var key = (line.Split.Shares[i].Department, line.Currency);
                var zero = Money.Zero(line.Currency);
                var sum = totals.GetValueOrDefault(key) ?? new DepartmentTotal(key.Department, key.Currency, zero, zero, zero);
                totals[key] = sum with
                {
                    OneOff = sum.OneOff + oneOff[i].Amount,
                    RecurringPerYear = sum.RecurringPerYear + perYear[i].Amount,
                    OverTerm = sum.OverTerm + overTerm[i].Amount,
                };
            }
        }

        return totals.Values.OrderBy(t => t.Department, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<CurrencyTotal> PerCurrency(IEnumerable<IBudgetLine> lines, int termMonths) =>
        lines.GroupBy(l => l.Currency)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(
                new CurrencyTotal(g.Key, Money.Zero(g.Key), Money.Zero(g.Key), Money.Zero(g.Key)),
                (sum, line) => sum with
                {
                    OneOff = sum.OneOff + CostTerm.OneOff(line),
                    RecurringPerYear = sum.RecurringPerYear + CostTerm.RecurringPerYear(line),
                    OverTerm = sum.OverTerm + CostTerm.OverTerm(line, termMonths),
                }))
            .ToList();
}
