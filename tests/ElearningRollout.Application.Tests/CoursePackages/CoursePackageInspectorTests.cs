using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Tests.Shared.CoursePackages;

namespace ElearningRollout.Application.Tests.CoursePackages;

/// <summary>Each pre-flight check on a package built for it: the valid packages pass, each broken variant is flagged by its check.</summary>
public sealed class CoursePackageInspectorTests
{
    /// <summary>The catalogue's first draft: "SCORM 1.2, SCORM 2004 or xAPI".</summary>
    private static readonly IReadOnlySet<PackageStandard> CatalogueDefault =
        ContentStandardRequirement.AcceptedBy(["Courses are packaged as SCORM 1.2, SCORM 2004 or xAPI (with a learning record store) and tested in our LMS before release."]);

    private static CoursePackageReport Inspect(CoursePackageBuilder package, IReadOnlySet<PackageStandard>? accepted = null) =>
        Inspect(package.Build(), accepted);

    private static CoursePackageReport Inspect(byte[] zip, IReadOnlySet<PackageStandard>? accepted = null)
    {
        using var stream = new MemoryStream(zip);
        return CoursePackageInspector.Inspect(stream, new CoursePackageLimits(), accepted ?? CatalogueDefault);
    }

    private static IEnumerable<PackageFinding> Problems(CoursePackageReport report) => report.Findings.Where(f => f.Severity != FindingSeverity.Information);

    public static TheoryData<string, PackageStandard, string> ValidPackages => new()
    {
        { "SCORM 1.2", PackageStandard.Scorm12, "imsmanifest.xml" },
        { "SCORM 2004 3rd", PackageStandard.Scorm2004ThirdEdition, "imsmanifest.xml" },
        { "SCORM 2004 4th", PackageStandard.Scorm2004FourthEdition, "imsmanifest.xml" },
        { "cmi5", PackageStandard.Cmi5, "cmi5.xml" },
        { "xAPI", PackageStandard.Xapi, "tincan.xml" },
    };

    private static CoursePackageBuilder Valid(string name) => name switch
    {
        "SCORM 1.2" => CoursePackageBuilder.Scorm12(),
        "SCORM 2004 3rd" => CoursePackageBuilder.Scorm2004(3),
        "SCORM 2004 4th" => CoursePackageBuilder.Scorm2004(4),
        "cmi5" => CoursePackageBuilder.Cmi5(),
        _ => CoursePackageBuilder.Xapi(),
    };

    [Theory]
    [MemberData(nameof(ValidPackages))]
    public void A_valid_package_passes_with_its_standard_launch_file_hosts_and_sizes(string name, PackageStandard standard, string manifest)
    {
        var report = Inspect(Valid(name));

        Assert.Empty(Problems(report));
        Assert.True(report.Passed);
        Assert.Equal((standard, manifest, "index.html"), (report.Standard!.Value, report.ManifestFile!, report.LaunchFile!));
        Assert.Equal([new PackageHost("fonts.example-cdn.com", false, "index.html")], report.Hosts);
        Assert.Equal(5, report.FileCount);
        Assert.Equal(["Deflate"], report.CompressionMethods);
    }

    [Fact]
    public void A_package_without_a_manifest_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12().Without("imsmanifest.xml"));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Manifest, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Contains("no manifest at the package's root", finding.Message);
        Assert.Null(report.Standard);
    }

    [Fact]
    public void A_manifest_in_a_folder_instead_of_the_root_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Xapi().Without("tincan.xml").With("course/tincan.xml", "<tincan/>"));

        Assert.Null(report.ManifestFile);
        Assert.Contains(report.Findings, f => f.Check == PackageCheck.Manifest && f.Message.Contains("\"course/tincan.xml\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_manifest_that_is_not_well_formed_xml_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12().Edit("imsmanifest.xml", "</resources>", "</resourcez>"));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Manifest, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.StartsWith("imsmanifest.xml is not well-formed XML", finding.Message);
    }

    [Fact]
    public void A_manifest_with_a_dtd_is_not_processed_so_no_external_entity_is_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"elr-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "SECRET-VALUE");
        try
        {
            var report = Inspect(CoursePackageBuilder.Scorm12().Edit("imsmanifest.xml", "<manifest ",
                $"<!DOCTYPE manifest [<!ENTITY leak SYSTEM \"file://{secret}\">]>\n<manifest "));

            var finding = Assert.Single(Problems(report));
            Assert.Equal(PackageCheck.Manifest, finding.Check);
            Assert.Contains("DTD", finding.Message);
            Assert.DoesNotContain(report.Findings, f => f.Message.Contains("SECRET-VALUE", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_standard_the_engagement_does_not_ask_for_is_an_error_naming_both()
    {
        var required = ContentStandardRequirement.AcceptedBy(["SCORM 2004 4th edition required."]);

        var report = Inspect(CoursePackageBuilder.Scorm2004(3), required);

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Standard, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Equal("The package is SCORM 2004 3rd edition; the engagement's \"Content standards\" requirement asks for SCORM 2004 4th edition.", finding.Message);
    }

    [Fact]
    public void Without_a_content_standards_requirement_the_standard_is_reported_unchecked()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12(), new HashSet<PackageStandard>());

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Standard, FindingSeverity.Warning), (finding.Check, finding.Severity));
    }

    [Fact]
    public void A_file_the_manifest_names_that_is_not_in_the_package_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12().Without("css/course.css"));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Resources, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Equal("imsmanifest.xml names \"css/course.css\" (resource \"res-1\"), which is not in the package.", finding.Message);
    }

    [Fact]
    public void An_item_pointing_at_an_undefined_resource_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12().Edit("imsmanifest.xml", "identifierref=\"res-1\"", "identifierref=\"res-9\""));

        Assert.Contains(report.Findings, f => f.Check == PackageCheck.Resources && f.Message.Contains("\"res-9\"", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Check == PackageCheck.LaunchFile);
    }

    [Fact]
    public void A_missing_launch_file_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Cmi5().Edit("cmi5.xml", "<url>index.html</url>", "<url>start.html</url>"));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.LaunchFile, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Equal("The launch file \"start.html\" is not in the package; the course cannot start.", finding.Message);
    }

    [Fact]
    public void An_identifier_used_twice_is_flagged()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12().Edit("imsmanifest.xml", "identifier=\"item-1\"", "identifier=\"org-1\""));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.Identifiers, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Contains("\"org-1\"", finding.Message);
    }

    [Fact]
    public void Absolute_local_paths_in_the_manifest_and_in_pages_are_flagged()
    {
        var inManifest = Inspect(CoursePackageBuilder.Scorm12().Edit("imsmanifest.xml", "<file href=\"img/bg.png\"/>", "<file href=\"C:\\Users\\dev\\course\\img\\bg.png\"/>"));
        var inPage = Inspect(CoursePackageBuilder.Scorm12().Edit("index.html", "src=\"js/course.js\"", "src=\"file:///C:/Users/dev/course/js/course.js\""));

        Assert.Equal(PackageCheck.LocalPaths, Assert.Single(Problems(inManifest)).Check);
        var finding = Assert.Single(Problems(inPage), f => f.Check == PackageCheck.LocalPaths);
        Assert.Contains("file:///C:/Users/dev/course/js/course.js", finding.Message);
    }

    [Fact]
    public void Every_external_host_is_listed_for_the_allow_list_and_plain_http_is_an_error()
    {
        var report = Inspect(CoursePackageBuilder.Scorm12()
            .Edit("js/course.js", "window.", "var tracker = 'http://tracker.example.net/pixel.gif'; var api = \"https://api.example.org:8443/v1\"; window.")
            .Edit("css/course.css", "url('../img/bg.png')", "url(//images.example-cdn.com/bg.png)"));

        Assert.Equal(
            ["api.example.org:8443", "fonts.example-cdn.com", "images.example-cdn.com", "tracker.example.net"],
            report.Hosts.Select(h => h.Host));
        Assert.Equal(["tracker.example.net"], report.Hosts.Where(h => h.PlainHttp).Select(h => h.Host));
        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.ExternalHosts, FindingSeverity.Error), (finding.Check, finding.Severity));
        Assert.Contains("http://tracker.example.net", finding.Message);
    }

    [Fact]
    public void A_launch_page_without_a_mobile_viewport_is_a_warning()
    {
        var report = Inspect(CoursePackageBuilder.Xapi().Edit("index.html", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", ""));

        var finding = Assert.Single(Problems(report));
        Assert.Equal((PackageCheck.MobileViewport, FindingSeverity.Warning), (finding.Check, finding.Severity));
    }

    [Fact]
    public void Sizes_and_compression_methods_are_reported()
    {
        var video = new byte[300_000];
        Random.Shared.NextBytes(video);

        var report = Inspect(CoursePackageBuilder.Scorm12().With("media/intro.mp4", video).Build(System.IO.Compression.CompressionLevel.NoCompression));

        Assert.Equal(("media/intro.mp4", 300_000L), (report.LargestFile!, report.LargestFileBytes));
        Assert.Equal(6, report.FileCount);
        Assert.True(report.TotalBytes > 300_000);
        Assert.Equal(["Stored"], report.CompressionMethods);
        Assert.Contains(report.Findings, f => f.Check == PackageCheck.Sizes && f.Message.Contains("\"media/intro.mp4\" (293 KB)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_vendor_package_with_an_http_script_and_the_wrong_scorm_version_gets_both_findings()
    {
        var required = ContentStandardRequirement.AcceptedBy(["SCORM 2004 4th edition required"]);

        var report = Inspect(CoursePackageBuilder.Scorm12().Edit("index.html", "<script src=\"js/course.js\">", "<script src=\"http://analytics.example.net/track.js\"></script><script src=\"js/course.js\">"), required);

        Assert.False(report.Passed);
        Assert.Equal([PackageCheck.Standard, PackageCheck.ExternalHosts], Problems(report).Select(f => f.Check).Order());
    }
}
