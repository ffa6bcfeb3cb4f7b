using ElearningRollout.Domain.CoursePackages;

namespace ElearningRollout.Domain.Tests.CoursePackages;

/// <summary>The standards a "Content standards" requirement accepts, read from the words IT writes.</summary>
public sealed class ContentStandardRequirementTests
{
    [Theory]
    [InlineData("SCORM 2004 4th edition required.", new[] { PackageStandard.Scorm2004FourthEdition })]
    [InlineData("Packaged as SCORM 2004 3rd Edition.", new[] { PackageStandard.Scorm2004ThirdEdition })]
    [InlineData("SCORM 1.2 only", new[] { PackageStandard.Scorm12 })]
    [InlineData("SCORM 2004", new[] { PackageStandard.Scorm2004SecondEdition, PackageStandard.Scorm2004ThirdEdition, PackageStandard.Scorm2004FourthEdition })]
    [InlineData("cmi5 launched from the LMS", new[] { PackageStandard.Cmi5 })]
    [InlineData("xAPI with our LRS", new[] { PackageStandard.Cmi5, PackageStandard.Xapi })]
    [InlineData("Courses are packaged as SCORM 1.2, SCORM 2004 or xAPI (with a learning record store) and tested in our LMS before release.",
        new[] { PackageStandard.Scorm12, PackageStandard.Scorm2004SecondEdition, PackageStandard.Scorm2004ThirdEdition, PackageStandard.Scorm2004FourthEdition, PackageStandard.Cmi5, PackageStandard.Xapi })]
    [InlineData("Whatever the LMS takes.", new PackageStandard[0])]
    public void The_requirement_text_names_the_accepted_standards(string text, PackageStandard[] expected) =>
        Assert.Equal(expected, ContentStandardRequirement.AcceptedBy([text]).Order());

    [Fact]
    public void A_standard_not_asked_for_is_an_error_and_nothing_asked_is_a_warning()
    {
        var required = ContentStandardRequirement.AcceptedBy(["SCORM 2004 4th edition required"]);

        Assert.Null(ContentStandardRequirement.Compare(PackageStandard.Scorm2004FourthEdition, required));
        Assert.Equal(FindingSeverity.Error, ContentStandardRequirement.Compare(PackageStandard.Scorm12, required)!.Severity);
        Assert.Equal(FindingSeverity.Warning, ContentStandardRequirement.Compare(PackageStandard.Scorm12, new HashSet<PackageStandard>())!.Severity);
    }
}
