using System.Text.RegularExpressions;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.CoursePackages;

/// <summary>
/// Which packaging standards an engagement accepts, read from its technical requirements: the requirement whose topic
/// is "Content standards" (the catalogue's topic; IT edits its text) names them in the words IT writes anyway:
/// "SCORM 2004 4th edition required", "SCORM 1.2, SCORM 2004 or xAPI". "SCORM 2004" without an edition accepts every
/// edition; "xAPI" (or "Tin Can") accepts tincan.xml and cmi5, which is an xAPI profile. No such requirement, or one
/// naming no standard, means the standard is reported but not checked against anything.
/// </summary>
public static partial class ContentStandardRequirement
{
    public const string Topic = "Content standards";

    /// <summary>The standards the requirements accept; empty when they name none.</summary>
    public static IReadOnlySet<PackageStandard> AcceptedBy(IEnumerable<TechnicalRequirement> requirements) =>
        AcceptedBy(requirements.Where(r => string.Equals(r.Topic.Trim(), Topic, StringComparison.OrdinalIgnoreCase)).Select(r => r.Text));

    /// <summary>The standards named in the texts of "Content standards" requirements.</summary>
    public static IReadOnlySet<PackageStandard> AcceptedBy(IEnumerable<string> texts)
    {
        var accepted = new HashSet<PackageStandard>();
        foreach (var text in texts)
        {
            if (Scorm12().IsMatch(text))
            {
                accepted.Add(PackageStandard.Scorm12);
            }

            foreach (Match scorm2004 in Scorm2004().Matches(text))
            {
                accepted.UnionWith(scorm2004.Groups["edition"].Value switch
                {
                    "2" => [PackageStandard.Scorm2004SecondEdition],
                    "3" => [PackageStandard.Scorm2004ThirdEdition],
                    "4" => [PackageStandard.Scorm2004FourthEdition],
                    _ => [PackageStandard.Scorm2004SecondEdition, PackageStandard.Scorm2004ThirdEdition, PackageStandard.Scorm2004FourthEdition],
                });
            }

            if (Cmi5().IsMatch(text))
            {
                accepted.Add(PackageStandard.Cmi5);
            }

            if (Xapi().IsMatch(text))
            {
                accepted.Add(PackageStandard.Xapi);
                accepted.Add(PackageStandard.Cmi5);
            }
        }

        return accepted;
    }

    /// <summary>The finding when <paramref name="found"/> is not what the engagement asks for; null when it is, or when nothing is asked.</summary>
    public static PackageFinding? Compare(PackageStandard found, IReadOnlySet<PackageStandard> accepted)
    {
        if (accepted.Count == 0)
        {
            return new PackageFinding(PackageCheck.Standard, FindingSeverity.Warning,
                $"The engagement has no \"{Topic}\" requirement naming a standard, so {found.DisplayName()} was not checked against one.");
        }

        return accepted.Contains(found)
            ? null
            : new PackageFinding(PackageCheck.Standard, FindingSeverity.Error,
                $"The package is {found.DisplayName()}; the engagement's \"{Topic}\" requirement asks for {Describe(accepted)}.");
    }

    public static string Describe(IReadOnlySet<PackageStandard> accepted) =>
        string.Join(" or ", accepted.Order().Select(s => s.DisplayName()));

    [GeneratedRegex(@"SCORM\s*1\.2", RegexOptions.IgnoreCase)]
    private static partial Regex Scorm12();

    [GeneratedRegex(@"SCORM\s*2004(?:,?\s*\(?(?<edition>[234])(?:st|nd|rd|th)\s*ed(?:ition|\.)?)?", RegexOptions.IgnoreCase)]
    private static partial Regex Scorm2004();

    [GeneratedRegex(@"\bcmi5\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cmi5();

    [GeneratedRegex(@"\bxAPI\b|\bTin\s*Can\b|Experience API", RegexOptions.IgnoreCase)]
    private static partial Regex Xapi();
}
