using System.Globalization;
using ElearningRollout.Application.Common;
using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// The agreement as CSV for finance: every signed version and the current unsigned one, one row per line
/// and department. Numbers use the invariant culture (a dot, no thousands separator), so any locale reads them.
/// </summary>
internal static class CostSharingCsv
{
    public static readonly string[] Header =
    [
        "Rollout", "Version", "State", "TermMonths", "SignedForTraining", "SignedForIT", "Line", "Category", "Description",
        "Nature", "Recurrence", "Currency", "Amount", "BudgetOverTerm", "Department", "Percent", "DepartmentAmount", "DepartmentOverTerm",
    ];

    public static string Write(string rolloutCode, CostSharingAgreement agreement, IReadOnlyDictionary<string, string> names) =>
        TableFile.Csv(Header, Rows(rolloutCode, agreement, names).Select(r => r.Cells));

    /// <summary>The export's rows, each with its version number: the one source for the CSV and the Excel file.</summary>
    public static IEnumerable<(int Version, string[] Cells)> Rows(string rolloutCode, CostSharingAgreement agreement, IReadOnlyDictionary<string, string> names)
    {
        var rows = agreement.Versions.OrderBy(v => v.Number).SelectMany(version => VersionRows(rolloutCode, version.Number, AgreementState.Signed,
            version.TermMonths, CostSharingViewBuilder.Name(names, version.TrainingSignedById), CostSharingViewBuilder.Name(names, version.ItSignedById), version.Lines));
        return agreement.IsSigned
            ? rows
            : rows.Concat(VersionRows(rolloutCode, agreement.VersionNumber, agreement.State, agreement.TermMonths,
                SignerName(names, agreement.TrainingSignedById), SignerName(names, agreement.ItSignedById), agreement.Lines));
    }

    private static IEnumerable<(int Version, string[] Cells)> VersionRows(
        string rolloutCode, int number, AgreementState state, int termMonths, string training, string it, IEnumerable<IBudgetLine> lines)
    {
        foreach (var line in lines.OrderBy(l => l.Number))
        {
            var overTerm = CostTerm.OverTerm(line, termMonths);
            var perPayment = CostAllocation.Allocate(line);
            var departmentOverTerm = CostAllocation.Allocate(overTerm, line.Split);
            for (var i = 0; i < line.Split.Shares.Count; i++)
            {
                var share = line.Split.Shares[i];
                yield return (number,
                [
                    rolloutCode, Number(number), state.ToString(), Number(termMonths), training, it, Number(line.Number),
                    line.Category.DisplayName(), line.Description, line.Nature.ToString(), line.Recurrence.DisplayName(), line.Currency,
                    Number(line.Amount), Number(overTerm.Amount), share.Department, Number(share.Percent),
                    Number(perPayment[i].Amount.Amount), Number(departmentOverTerm[i].Amount.Amount),
                ]);
            }
        }
    }

    private static string SignerName(IReadOnlyDictionary<string, string> names, string? userId) =>
        userId is null ? "" : CostSharingViewBuilder.Name(names, userId);

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
