using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;

namespace ElearningRollout.Application.Common;

/// <summary>
/// Rows of text cells written as CSV (RFC 4180) or as an Excel workbook, for the exports people open in a spreadsheet.
/// Much of the text was typed by people, so nothing in either file may run as a formula.
/// </summary>
internal static partial class TableFile
{
    /// <summary>What makes a spreadsheet read text as a formula (or, for tab and CR, shift it into one) when it starts a cell.</summary>
    public const string FormulaTriggers = "=+-@\t\r";

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

    /// <summary>
    /// One sheet per entry, each with the header as its first row; a sheet without rows still shows the header.
    /// Every cell is written as an inline string (never a formula), exactly as given: in a workbook, text is typed
    /// data and needs no apostrophe, so it reads back unchanged.
    /// </summary>
    public static byte[] Excel(IReadOnlyList<string> header, IEnumerable<(string Sheet, IEnumerable<IReadOnlyList<string>> Rows)> sheets)
    {
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var lines = rows.Select(row => header.Zip(row, (column, cell) => (column, cell)).ToDictionary(c => c.column, c => (object)c.cell)).ToList();
            workbook[sheet] = lines.Count > 0 ? lines : [header.ToDictionary(h => h, _ => (object)"")];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(workbook);
        return AsInlineStrings(stream.ToArray());
    }

    /// <summary>
    /// A CSV field. The one rule: a plain number (digits with an optional leading minus and decimal part, as the
    /// exports format amounts, counts and ids) is written as it is; every other field is text, always quoted (RFC 4180), and
    /// an apostrophe goes in front of the field and of every part after a "," or ";" inside it whose first character,
    /// after any quotes and spaces, is one of = + - @ tab CR. So the cell is inert whether the file is read with ","
    /// or ";" as the list separator, and even by a reader that ignores quotes.
    /// </summary>
    public static string Cell(string value)
        => PlainNumber().IsMatch(value) ? value : $"\"{Defuse(value).Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The text with an apostrophe before the field and before every ","/";"-separated part that would start a formula.</summary>
    public static string Defuse(string value)
    {
        var defused = new StringBuilder(value.Length + 2);
        var partStarts = true;
        for (var i = 0; i < value.Length; i++)
        {
            if (partStarts)
            {
                var first = i;
                while (first < value.Length && value[first] is '"' or ' ')
                {
                    first++;
                }

                if (first < value.Length && FormulaTriggers.Contains(value[first], StringComparison.Ordinal))
                {
                    defused.Append('\'');
                }

                partStarts = false;
            }

            defused.Append(value[i]);
            partStarts = value[i] is ',' or ';';
        }

        return defused.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>
    /// MiniExcel writes text as t="str" cells (the cached result type of a formula); rewrite them as inline strings
    /// (t="inlineStr", &lt;is&gt;&lt;t&gt;), the cell type for typed text, so no reader can take them for formulas.
    /// </summary>
    private static byte[] AsInlineStrings(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToList())
            {
                string xml;
                using (var read = new StreamReader(entry.Open(), Encoding.UTF8))
                {
                    xml = read.ReadToEnd();
                }

                // MiniExcel writes a CR in text as it is, which every XML reader turns into LF: keep it as a reference.
                var sheet = XDocument.Parse(xml.Replace("\r", "&#xD;", StringComparison.Ordinal), LoadOptions.PreserveWhitespace);

                XNamespace x = sheet.Root!.Name.Namespace;
                foreach (var cell in sheet.Descendants(x + "c").Where(c => (string?)c.Attribute("t") == "str").ToList())
                {
                    if (cell.Element(x + "f") is { } formula)
                    {
                        formula.Remove(); // never written for our cells; a formula has no place in an export
                    }

                    var text = cell.Element(x + "v")?.Value ?? "";
                    cell.Element(x + "v")?.Remove();
                    cell.SetAttributeValue("t", "inlineStr");
                    cell.Add(new XElement(x + "is", new XElement(x + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text)));
                }

                entry.Delete();
                var rewritten = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                using var write = XmlWriter.Create(rewritten.Open(), new XmlWriterSettings
                {
                    Encoding = new UTF8Encoding(false), NewLineHandling = NewLineHandling.Entitize, Indent = false,
                });
                sheet.Save(write);
            }
        }

        return stream.ToArray();
    }

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}
