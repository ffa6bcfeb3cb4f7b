using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace ElearningRollout.Application.Common;

/// <summary>
/// Rows of text cells written as CSV (RFC 4180) or as an Excel workbook, for the exports people open in a spreadsheet.
/// Both defuse text that a spreadsheet would run as a formula, because much of it was typed by people.
/// </summary>
internal static class TableFile
{
    public static string Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        AppendRow(csv, header);
        foreach (var row in rows)
        {
            AppendRow(csv, row);
        }

        return csv.ToString();
    }

    /// <summary>One sheet per entry, each with the header as its first row; a sheet without rows still shows the header.</summary>
    public static byte[] Excel(IReadOnlyList<string> header, IEnumerable<(string Sheet, IEnumerable<IReadOnlyList<string>> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var lines = rows.Select(row => header.Zip(row, (column, cell) => (column, cell)).ToDictionary(c => c.column, c => (object)Defuse(c.cell))).ToList();
            workbook[sheet] = lines.Count > 0 ? lines : [header.ToDictionary(h => h, _ => (object)"")];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook);
        return stream.ToArray();
    }

    /// <summary>
    /// RFC 4180 quoting; text that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with
    /// an apostrophe, because descriptions are typed by people and the file is opened in Excel.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    // Numbers stay numbers; text gets the CSV's formula defusing.
    private static string Defuse(string cell) => Cell(cell).Trim('"');
}
