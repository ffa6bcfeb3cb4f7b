using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Tests.Shared.CoursePackages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The training owner uploads the vendor's course package on a deliverable (the browser posts the file to the upload
/// endpoint, which streams it into the package store) and reads its pre-flight report; a zip bomb is refused.
/// </summary>
public sealed class CoursePackageTests(ProductUnderTest product) : BrowserTest(product)
{
    // ELR-0002 (Plant compliance training with SAP) is owned by training2@; the demo has Coursecraft's course development
    // active there with the alpha submitted, its demo package checked, and IT's requirement "SCORM 2004 4th edition
    // required". No other test uploads packages on it.
    private const string Code = "ELR-0002";
    private const string Coursecraft = "Coursecraft Learning Ltd";

    [Fact]
    public async Task Training_uploads_the_alpha_package_sees_the_http_script_and_the_wrong_version_flagged_a_zip_bomb_refused_and_the_report_on_the_security_gate()
    {
        const string testName = "course-package";
        var audit = new AccessibilityAudit();
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training2);
        await page.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Vendors" }).ClickAsync();
        var engagement = page.GetByTestId("engagement").Filter(new() { HasText = $"{Coursecraft} · Course development" });
        var deliverables = engagement.GetByTestId("deliverables");
        var alpha = deliverables.GetByRole(AriaRole.Row).Filter(new() { HasText = "Alpha build in the LMS test tenant" });

        // The upload control is there, and its script attached to it, before a file is given to it.
        await Expect(engagement.GetByTestId("engagement-status")).ToHaveTextAsync("Active");
        await Expect(alpha.GetByLabel("Check the alpha package")).ToHaveAttributeAsync("data-upload-ready", "true");
        // The demo's own alpha package is already flagged, for the same two reasons as the one uploaded below.
        var report = deliverables.GetByTestId("package-row-alpha").GetByTestId("package-report");
        await Expect(report).ToContainTextAsync("plant-compliance-alpha.zip, SCORM 1.2");

        var package = CoursePackageBuilder.Scorm12()
            .Edit("index.html", "<script src=\"js/course.js\">", "<script src=\"http://analytics.example.net/track.js\"></script><script src=\"js/course.js\">")
            .Build();
        await alpha.GetByLabel("Check the alpha package").SetInputFilesAsync(new FilePayload { Name = "safe-lifting-alpha.zip", MimeType = "application/zip", Buffer = package });

        await Expect(report).ToContainTextAsync("safe-lifting-alpha.zip, SCORM 1.2");
        await Expect(report).ToContainTextAsync("Pre-flight: 2 errors");
        await report.GetByText("Package report (alpha package)").ClickAsync();
        await Expect(report.GetByTestId("package-findings")).ToContainTextAsync("loads from http://analytics.example.net without TLS");
        await Expect(report.GetByTestId("package-findings")).ToContainTextAsync("The package is SCORM 1.2; the engagement's \"Content standards\" requirement asks for SCORM 2004 4th edition.");
        await Expect(report.GetByTestId("package-hosts")).ToContainTextAsync("http://analytics.example.net (plain http)");
        await Expect(report.GetByTestId("package-hosts")).ToContainTextAsync("https://fonts.example-cdn.com");
        await audit.CheckAsync(page, "a deliverable's package report");
        await PageEvidence.ScreenshotAsync(page, testName, "1-report");
        // The user guide's picture (docs/images/course-package-report.png) is this one.
        await deliverables.ScreenshotAsync(new() { Path = Path.Combine(PageEvidence.Folder, $"{testName}-deliverables.png"), Animations = ScreenshotAnimations.Disabled });

        // The endpoint answers the bomb 422 with its reason, which the page shows; the browser logs the 422 as an error.
        audit.ExpectRefusedRequest("/packages/alpha", 422);
        await alpha.GetByLabel("Check the alpha package").SetInputFilesAsync(new FilePayload
        {
            Name = "course.zip", MimeType = "application/zip", Buffer = CoursePackageBuilder.Hostile.Bomb(24L << 20),
        });
        await Expect(alpha.GetByTestId("package-refusal")).ToContainTextAsync("The package was refused: The archive's entry \"media/video.mp4\" expands");
        // The refused bomb left the earlier report as it was.
        await Expect(report).ToContainTextAsync("safe-lifting-alpha.zip, SCORM 1.2");
        await PageEvidence.ScreenshotAsync(page, testName, "2-refused");

        // The report is offered on the Security review gate, beside its checklist.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Security review" }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var evidence = page.GetByTestId("package-evidence");
        await Expect(evidence).ToContainTextAsync("Package report (Coursecraft Learning Ltd, alpha)");
        await Expect(evidence).ToContainTextAsync("safe-lifting-alpha.zip");
        await Expect(evidence).ToContainTextAsync("Pre-flight: 2 errors");
        await audit.CheckAsync(page, "the gate's package evidence");
        await PageEvidence.ScreenshotAsync(page, testName, "3-gate-evidence");
        audit.AssertNoSeriousViolations();
    }
}
