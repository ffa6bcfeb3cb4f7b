using System.Text.RegularExpressions;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Glossary;

/// <summary>An IT term with a plain definition for training staff; IT leads maintain the glossary.</summary>
public sealed class GlossaryTerm : IAggregateRoot
{
    public const int MaxTermLength = 100;
    public const int MaxDefinitionLength = 1000;

    public GlossaryTerm(string term, string definition)
    {
        Id = Guid.CreateVersion7();
        Version = Guid.NewGuid();
        Edit(term, definition);
    }

    // For EF Core.
    private GlossaryTerm()
    {
    }

    public Guid Id { get; private set; }

    public string Term { get; private set; } = "";

    public string Definition { get; private set; } = "";

    public Guid Version { get; private set; }

    public void Touch() => Version = Guid.NewGuid();

    public void Edit(string term, string definition)
    {
        Term = Require.Text(term, "The term", MaxTermLength);
        Definition = Require.Text(definition, "The definition", MaxDefinitionLength);
    }

    /// <summary>
    /// The names the term goes by in running text: "SAML / OIDC" is found as "SAML" or "OIDC",
    /// "Identity provider (IdP)" as either, "Concurrent users" as itself.
    /// </summary>
    public IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        var withoutAbbreviation = Regex.Replace(Term, @"\s*\(([^)]+)\)", m =>
        {
            names.Add(m.Groups[1].Value.Trim());
            return "";
        });
        names.AddRange(withoutAbbreviation.Split([" / ", " vs "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return names.Where(n => n.Length >= 2).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Whether the text uses this term as a whole word (case-insensitive for words, exact for acronyms).</summary>
    public bool AppearsIn(string text) => Names().Any(name =>
        Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(name)}(?![\w-])",
            name.Any(char.IsLower) ? RegexOptions.IgnoreCase : RegexOptions.None));
}
