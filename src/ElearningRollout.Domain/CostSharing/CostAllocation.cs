namespace ElearningRollout.Domain.CostSharing;

/// <summary>A department's part of an amount.</summary>
public sealed record DepartmentAmount(string Department, Money Amount);

/// <summary>
/// Splits amounts between departments so that the parts always add up to the whole, to the cent.
/// Each part is first rounded down to the cent; the cents left over go one at a time to the departments
/// whose exact share lost the most to rounding (ties: by department name), so the result is fair and
/// the same on every run.
/// </summary>
public static class CostAllocation
{
    public static IReadOnlyList<DepartmentAmount> Allocate(IBudgetLine line) =>
        Allocate(new Money(line.Amount, line.Currency), line.Split);

    /// <param name="amount">Zero or more, to the cent.</param>
    public static IReadOnlyList<DepartmentAmount> Allocate(Money amount, CostSplit split)
    {
        if (amount.Amount < 0 || !Money.HasAtMostTwoDecimals(amount.Amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Only amounts of zero or more, to the cent, are allocated.");
        }

        var cents = amount.Amount * 100m;
        var parts = split.Shares
            .Select(share =>
            {
                var exact = cents * share.Percent / 100m;
                var floor = decimal.Floor(exact);
                return new Part(share.Department, floor, exact - floor);
            })
            .ToList();

        // The shares total exactly 100%, so fewer cents are left over than there are departments.
        var leftOver = (int)(cents - parts.Sum(p => p.Cents));
        var receivers = parts
            .OrderByDescending(p => p.LostToRounding)
            .ThenBy(p => p.Department, StringComparer.Ordinal)
            .Take(leftOver)
            .Select(p => p.Department)
            .ToHashSet(StringComparer.Ordinal);

        return parts
            .Select(p => new DepartmentAmount(p.Department, new Money((p.Cents + (receivers.Contains(p.Department) ? 1 : 0)) / 100m, amount.Currency)))
            .ToList();
    }

    private sealed record Part(string Department, decimal Cents, decimal LostToRounding);
}
