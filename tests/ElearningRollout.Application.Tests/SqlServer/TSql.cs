using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// Microsoft's own T-SQL parser (the one SSDT and sqlpackage use), SQL Server 2022 syntax: what SQL Server would
/// refuse as a syntax error is refused here, without a server. Dynamic SQL in EXEC(N'...') is parsed too, since
/// EF's idempotent scripts hide CREATE INDEX ... WHERE and the like inside it.
/// </summary>
internal static partial class TSql
{
    /// <summary>One problem, with the line of the whole text it is on and that line's text.</summary>
    public sealed record Problem(int Line, string Message, string LineText)
    {
        public override string ToString() => $"line {Line}: {Message}\n    {LineText.Trim()}";
    }

    /// <summary>Parses a script of GO-separated batches; the line numbers are those of the whole script.</summary>
    public static IReadOnlyList<Problem> ParseScript(string script)
    {
        var problems = new List<Problem>();
        var lines = script.ReplaceLineEndings("\n").Split('\n');
        var batch = new List<string>();
        var batchStart = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i == lines.Length || GoLine().IsMatch(lines[i]))
            {
                problems.AddRange(Parse(string.Join('\n', batch)).Select(p => p with
                {
                    Line = p.Line + batchStart,
                    LineText = lines.ElementAtOrDefault(p.Line + batchStart - 1) ?? p.LineText,
                }));
                batch.Clear();
                batchStart = i + 1;
            }
            else
            {
                batch.Add(lines[i]);
            }
        }

        return problems;
    }

    /// <summary>Parses one batch (as EF sends a command), then the dynamic SQL inside it.</summary>
    public static IReadOnlyList<Problem> Parse(string batch)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(batch);
        var fragment = parser.Parse(reader, out var errors);
        var lines = batch.ReplaceLineEndings("\n").Split('\n');
        var problems = errors
            .Select(e => new Problem(e.Line, e.Message, lines.ElementAtOrDefault(e.Line - 1) ?? ""))
            .ToList();
        if (problems.Count == 0)
        {
            var dynamic = new DynamicSql();
            fragment.Accept(dynamic);
            foreach (var (line, text) in dynamic.Found)
            {
                problems.AddRange(Parse(text).Select(p => p with
                {
                    Line = line,
                    Message = $"in EXEC(N'...'): {p.Message} [{p.LineText.Trim()}]",
                    LineText = lines.ElementAtOrDefault(line - 1) ?? "",
                }));
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();

    private sealed class DynamicSql : TSqlFragmentVisitor
    {
        public List<(int Line, string Text)> Found { get; } = [];

        public override void Visit(ExecutableStringList node)
        {
            if (node.Strings.Count == 1 && node.Strings[0] is StringLiteral literal)
            {
                Found.Add((node.StartLine, literal.Value));
            }
        }
    }
}
