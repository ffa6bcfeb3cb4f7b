using Bunit;
using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Web.Components.Pages.CoursePackages;
using MudBlazor.Services;

namespace ElearningRollout.Web.Tests.Components;

/// <summary>The deliverable's package report shows the verdict, every finding, and the hosts for IT's allow-list with plain http marked.</summary>
public sealed class PackageReportPanelTests
{
    [Fact]
    public async Task A_failed_report_shows_its_errors_findings_and_hosts()
    {
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        var report = new CoursePackageReport(
            PackageStandard.Scorm12, "imsmanifest.xml", "index.html", 5, 12_345, "imsmanifest.xml", 1_200, ["Deflate"],
            [
                new PackageFinding(PackageCheck.Standard, FindingSeverity.Error, "The package is SCORM 1.2; the engagement's \"Content standards\" requirement asks for SCORM 2004 4th edition."),
                new PackageFinding(PackageCheck.ExternalHosts, FindingSeverity.Error, "\"index.html\" loads from http://analytics.example.net without TLS."),
                new PackageFinding(PackageCheck.MobileViewport, FindingSeverity.Warning, "The launch page has no viewport."),
            ],
            [new PackageHost("analytics.example.net", true, "index.html"), new PackageHost("fonts.example-cdn.com", false, "index.html")]);
        var package = new CoursePackageView(Guid.NewGuid(), DeliverableStage.Alpha, "safe-lifting.zip", 4_096, new string('a', 64),
            new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero), "Tara Training", report);

        var panel = ctx.Render<PackageReportPanel>(p => p.Add(x => x.Package, package));

        Assert.Contains("Pre-flight: 2 errors", panel.Markup);
        Assert.Contains("1 warning", panel.Markup);
        Assert.Contains("safe-lifting.zip, SCORM 1.2, checked 2026-12-04 by Tara Training", panel.Markup);
        Assert.Equal(3, panel.FindAll("[data-testid=package-findings] tbody tr").Count);
        var hosts = panel.FindAll("[data-testid=package-hosts] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith("http://analytics.example.net (plain http)", hosts[0]);
        Assert.StartsWith("https://fonts.example-cdn.com", hosts[1]);
        Assert.DoesNotContain("plain http", hosts[1]);
    }
}
