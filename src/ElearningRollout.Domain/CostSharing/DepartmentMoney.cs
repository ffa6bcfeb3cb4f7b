namespace ElearningRollout.Domain.CostSharing;

/// <summary>A department's money on one agreement in one currency: what it committed to and what was actually spent.</summary>
public sealed record DepartmentMoney(string Department, string Currency, decimal Committed, decimal Actual);

/// <summary>
/// Committed and actual money per department, for the portfolio. Committed is the department's part of the budget over
/// the term of the latest signed version (what both sides signed; nothing before the first signature), so a draft of the
/// next version commits nobody until it is signed. Actual is the department's part of the spend recorded against the
/// current lines, allocated by their split as the Costs tab does. Currencies are never added together.
/// </summary>
public static class DepartmentMoneyTotals
{
    public static IReadOnlyList<DepartmentMoney> Of(CostSharingAgreement agreement)
    {
        var signed = agreement.Versions.MaxBy(v => v.Number);
        var committed = signed is null
            ? []
            : CostTotals.PerDepartment(signed.Lines, signed.TermMonths).ToDictionary(t => (t.Department, t.Currency), t => t.OverTerm.Amount);
        var actual = CostVariance.PerDepartment(agreement.Lines, agreement.Actuals, agreement.TermMonths)
            .ToDictionary(v => (v.Department, v.Currency), v => v.Actual.Amount);
        return committed.Keys.Union(actual.Keys)
            .Select(key => new DepartmentMoney(key.Department, key.Currency, committed.GetValueOrDefault(key), actual.GetValueOrDefault(key)))
            .Where(m => m.Committed != 0m || m.Actual != 0m)
            .OrderBy(m => m.Department, StringComparer.Ordinal).ThenBy(m => m.Currency, StringComparer.Ordinal)
            .ToList();
    }
}
