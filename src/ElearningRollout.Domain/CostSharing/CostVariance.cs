namespace ElearningRollout.Domain.CostSharing;

/// <summary>Budget over the term against what was actually spent on one line.</summary>
public sealed record LineVariance(Guid LineId, Money Budget, Money Actual)
{
    /// <summary>Positive when more was spent than budgeted.</summary>
    public Money Variance => Actual - Budget;

    public bool IsOverBudget => Actual.Amount > Budget.Amount;
}

/// <summary>A department's budget, actual spend and variance in one currency.</summary>
public sealed record DepartmentVariance(string Department, string Currency, Money Budget, Money Actual)
{
    public Money Variance => Actual - Budget;
}

/// <summary>
/// Budget against actual spend. Departments get their part of the budget and of the actual spend by the
/// line's split (allocated separately, each to the cent), so their variances add up to the line's.
/// </summary>
public static class CostVariance
{
    public static LineVariance ForLine(IBudgetLine line, IEnumerable<ActualSpend> actuals, int termMonths) =>
        new(line.LineId, CostTerm.OverTerm(line, termMonths),
            new Money(actuals.Where(a => a.CostLineId == line.LineId).Sum(a => a.Amount), line.Currency));

    public static IReadOnlyList<DepartmentVariance> PerDepartment(IEnumerable<IBudgetLine> lines, IReadOnlyList<ActualSpend> actuals, int termMonths)
    {
        var totals = new Dictionary<(string Department, string Currency), DepartmentVariance>();
        foreach (var line in lines)
        {
            var variance = ForLine(line, actuals, termMonths);
            var budget = CostAllocation.Allocate(variance.Budget, line.Split);
            var actual = CostAllocation.Allocate(variance.Actual, line.Split);
            for (var i = 0; i < line.Split.Shares.Count; i++)
            {
                var key = (line.Split.Shares[i].Department, line.Currency);
                var zero = Money.Zero(line.Currency);
                var sum = totals.GetValueOrDefault(key) ?? new DepartmentVariance(key.Department, key.Currency, zero, zero);
                totals[key] = sum with { Budget = sum.Budget + budget[i].Amount, Actual = sum.Actual + actual[i].Amount };
            }
        }

        return totals.Values.OrderBy(t => t.Department, StringComparer.Ordinal).ThenBy(t => t.Currency, StringComparer.Ordinal).ToList();
    }
}
