using ElearningRollout.Domain.CostSharing;
using MiniExcelLibs;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// The agreement as an Excel workbook: one sheet per version ("Version 1", ...), the same columns and rows as the CSV
/// (<see cref="CostSharingCsv.Rows"/>), with the same defusing of text that Excel would run as a formula.
/// </summary>
internal static class CostSharingExcel
{
    public static byte[] Write(string rolloutCode, CostSharingAgreement agreement, IReadOnlyDictionary<string, string> names)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var version in CostSharingCsv.Rows(rolloutCode, agreement, names).GroupBy(r => r.Version))
        {
            sheets[$"Version {version.Key}"] = version
                .Select(row => CostSharingCsv.Header.Zip(row.Cells, (column, cell) => (column, cell))
                    .ToDictionary(c => c.column, c => (object)Defuse(c.cell)))
                .ToList();
        }

        if (sheets.Count == 0)
        {
            sheets["Version 1"] = new List<Dictionary<string, object>> { CostSharingCsv.Header.ToDictionary(h => h, _ => (object)"") };
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    // Numbers stay numbers; text gets the CSV's formula defusing.
    private static string Defuse(string cell) => CostSharingCsv.Cell(cell).Trim('"');
}
