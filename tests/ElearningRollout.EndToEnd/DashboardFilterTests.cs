using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The dashboard's filters are native selects (docs/performance.md, "Capacity"): labelled, chosen from the keyboard, and
/// the figures and the portfolio follow the choice.
/// </summary>
public sealed class DashboardFilterTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task An_executive_filters_the_dashboard_by_health_and_clears_the_filter_with_any()
    {
        var page = Page;
        var audit = new AccessibilityAudit(Page);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Executive);
        await page.GotoAsync("/dashboard");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var healthCells = page.Locator("td[data-label=Health]");
        await Expect(healthCells.Filter(new() { HasText = "On track" }).First).ToBeVisibleAsync();

        // The demo portfolio has active rollouts off track (ELR-0008, ELR-0012) and others on track or at risk.
        var health = page.GetByLabel("Health", new() { Exact = true });
        await health.FocusAsync();
        await health.SelectOptionAsync(new SelectOptionValue { Label = "Off track" });
        await Expect(healthCells.Filter(new() { HasText = "On track" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "ELR-0008", Exact = true })).ToBeVisibleAsync();
        foreach (var cell in await healthCells.AllTextContentsAsync())
        {
            Assert.Equal("Off track", cell.Trim());
        }

        await audit.CheckAsync(page, "the filtered dashboard");

        await health.SelectOptionAsync(new SelectOptionValue { Label = "Any" });
        await Expect(healthCells.Filter(new() { HasText = "On track" }).First).ToBeVisibleAsync();
        audit.AssertNoSeriousViolations();
    }
}
