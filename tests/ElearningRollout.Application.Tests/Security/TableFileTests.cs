using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CsCheck;
using ElearningRollout.Application.Common;

namespace ElearningRollout.Application.Tests.Security;

/// <summary>
/// Every export (cost sharing, portfolio, audit log) goes through TableFile: hostile text must stay inert in CSV read with
/// "," or ";" as the list separator, and in XLSX must be plain text that reads back exactly as it was typed.
/// </summary>
public sealed partial class TableFileTests
{
    /// <summary>What makes a spreadsheet take a cell for a formula (OWASP CSV injection): = + - @ tab CR.</summary>
    private const string FormulaTriggers = "=+-@\t\r";

    private static readonly string[] FormulaText =
    [
        "Kick-off;=1+1;", "=1+1", "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1", "\r=1", "x,=1", "a;b,-c;@d", "\"=1",
        " =1", "a;\"=HYPERLINK(\"\"http://evil\"\")\"", "1;=2", "=cmd|' /C notepad'!'A1'", "he said \"hi\", then =2", "';=1", "-1", "12.50",
        "x;;=1", "x; \"+1", "=\"\"", "\"\"\"", "=A1,=B2;=C3",
    ];

    private static readonly Gen<string> Text = Gen.Frequency((3, Gen.OneOf(FormulaText)), (3, Hostile.Text),
        (2, Gen.OneOf(FormulaText).Array[1, 4].Select(parts => string.Join(Gen.OneOf(",", ";", " ", "").Single(), parts))));

    private static readonly Gen<string[][]> Rows = Gen.Int[1, 5].SelectMany(columns => Text.Array[columns].Array[1, 4]);

    [Fact]
    public void A_CSV_cell_never_starts_a_formula_whether_read_with_commas_or_semicolons()
    {
        Rows.Sample(rows =>
        {
            var header = Header(rows[0].Length);
            var csv = TableFile.Csv(header, rows);

            foreach (var separator in new[] { ',', ';' })
            {
                foreach (var cell in Parse(csv, separator).SelectMany(r => r))
                {
                    Assert.False(StartsAFormula(cell), $"Read with '{separator}', the cell {Show(cell)} starts a formula.");
                }
            }

            var back = Parse(csv, ',');
            Assert.Equal(rows.Length + 1, back.Count);
            for (var r = 0; r < rows.Length; r++)
            {
                Assert.Equal(rows[r].Select(WithoutApostrophes), back[r + 1].Select(WithoutApostrophes)); // nothing but apostrophes added
            }
        }, iter: 300);
    }

    [Fact]
    public void Kick_off_with_a_formula_after_a_semicolon_is_inert()
    {
        var csv = TableFile.Csv(["Title"], [["Kick-off;=1+1;"]]);

        Assert.Equal("\"Title\"\r\n\"Kick-off;'=1+1;\"\r\n", csv);
        Assert.Equal(["Kick-off;'=1+1;"], Parse(csv, ';')[1]); // quoted: one cell
        // and a reader that splits on ";" ignoring quotes gets "Kick-off", "'=1+1", "" (after its quotes)
        Assert.Equal(["Kick-off", "'=1+1", ""], csv.Split("\r\n")[1].Split(';').Select(part => part.Trim('"')));
    }

    [Fact]
    public void XLSX_text_cells_are_strings_never_formulas_and_read_back_unchanged()
    {
        Rows.Where(rows => rows.SelectMany(r => r).All(ExcelCanHold)).Sample(rows =>
        {
            var header = Header(rows[0].Length);

            var workbook = TableFile.Excel(header, [("Sheet", rows)]);

            foreach (var cell in Cells(workbook))
            {
                Assert.Null(cell.Element(cell.Name.Namespace + "f"));
                Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
            }

            using var stream = new MemoryStream(workbook);
            var back = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sheet").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(rows.Length, back.Count);
            for (var r = 0; r < rows.Length; r++)
            {
                Assert.Equal(rows[r], header.Select(h => back[r][h] as string ?? ""));
            }
        }, iter: 200);
    }

    /// <summary>XML 1.0, so XLSX, cannot hold lone surrogates; Excel holds at most 32,767 characters in a cell.</summary>
    private static bool ExcelCanHold(string text)
    {
        if (text.Length > 32_767)
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static IEnumerable<XElement> Cells(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        var cells = new List<XElement>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var sheet = entry.Open();
            cells.AddRange(XDocument.Load(sheet).Descendants().Where(e => e.Name.LocalName == "c"));
        }

        return cells;
    }

    private static bool StartsAFormula(string cell)
        => cell.Length > 0 && FormulaTriggers.Contains(cell[0], StringComparison.Ordinal) && !NumberData().IsMatch(cell);

    private static string WithoutApostrophes(string cell) => cell.Replace("'", "", StringComparison.Ordinal);

    private static string[] Header(int columns) => [.. Enumerable.Range(1, columns).Select(i => $"Column{i}")];

    private static string Show(string cell) => cell.Length > 60 ? cell[..60] + "…" : cell;

    /// <summary>
    /// A plain number is data, not a formula: "-3" (days to a go-live already passed) stays a number. Read with the other
    /// separator it can only be glued to what follows it in its row by that row's commas.
    /// </summary>
    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?(,.*)?$", RegexOptions.Singleline)]
    private static partial Regex NumberData();

    /// <summary>A lenient RFC 4180 reader, as a spreadsheet's import: quotes group, "" is a quote, CR LF ends a row.</summary>
    private static List<List<string>> Parse(string csv, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
