using ElearningRollout.Application.Common;
using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// The agreement as an Excel workbook: one sheet per version ("Version 1", ...), the same columns and rows as the CSV
/// (<see cref="CostSharingCsv.Rows"/>), with the same defusing of text that Excel would run as a formula.
/// </summary>
internal static class CostSharingExcel
{
    public static byte[] Write(string rolloutCode, CostSharingAgreement agreement, IReadOnlyDictionary<string, string> names)
    {
        var sheets = CostSharingCsv.Rows(rolloutCode, agreement, names).GroupBy(r => r.Version)
            .Select(version => ($"Version {version.Key}", version.Select(r => (IReadOnlyList<string>)r.Cells)))
            .ToList();
        return TableFile.Excel(CostSharingCsv.Header, sheets.Count > 0 ? sheets : [("Version 1", [])]);
    }
}
