using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Pages no journey test passes through still get axe, each as the role that uses it.</summary>
public sealed class PageAccessibilityTests(ProductUnderTest product) : BrowserTest(product)
{
    [Theory]
    [InlineData(DemoLogins.Admin, "/admin/audit", "Audit log")]
    [InlineData(DemoLogins.Admin, "/admin/departments", "Departments")]
    [InlineData(DemoLogins.Admin, "/admin/templates", "Templates")]
    [InlineData(DemoLogins.Admin, "/admin/vendor-criteria", "Vendor selection criteria")]
    [InlineData(DemoLogins.Training, "/rollouts/ELR-0001/vendor-selection", "Vendor selection")]
    [InlineData(DemoLogins.Executive, "/rollouts/ELR-0001/vendor-selection", "Vendor selection")]
    [InlineData(DemoLogins.ItLead, "/glossary", "Glossary")]
    [InlineData(DemoLogins.Training, "/notifications", "Notifications")]
    [InlineData(DemoLogins.Executive, "/vendors", "Vendors")]
    [InlineData(DemoLogins.Executive, "/rollouts/ELR-0002", "Plant compliance training with SAP")]
    public async Task The_page_has_no_serious_accessibility_problems(string email, string path, string heading)
    {
        var page = Page;
        var audit = new AccessibilityAudit(Page);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, email);

        await page.GotoAsync(path);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await PageEvidence.ScreenshotAsync(page, "page", path.Trim('/').Replace('/', '-'));
        await audit.CheckAsync(page, path);
        audit.AssertNoSeriousViolations();
    }
}
