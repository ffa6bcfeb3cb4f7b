using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>The vendor registry, a vendor's security record, and a rollout's engagements moved by its training owner.</summary>
public sealed class VendorTests(ProductUnderTest product) : BrowserTest(product)
{
    // ELR-0001 (Dealer certification academy) is owned by training@; the demo proposes Coursecraft for its courses,
    // and Coursecraft's SOC 2 report expires within 60 days. No other test touches its engagements.
    private const string Code = "ELR-0001";
    private const string Coursecraft = "Coursecraft Learning Ltd";

    [Fact]
    public async Task Training_finds_the_expiring_vendor_sees_it_flagged_on_the_rollout_and_moves_its_engagement_to_evaluating()
    {
        const string testName = "vendors";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);

        await page.GotoAsync("/vendors");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vendors");
        var coursecraftRow = page.GetByTestId("vendor-table").GetByRole(AriaRole.Row).Filter(new() { HasText = Coursecraft });
        await Expect(coursecraftRow).ToContainTextAsync("expiring soon");
        await audit.CheckAsync(page, "the vendor registry");
        await PageEvidence.ScreenshotAsync(page, testName, "1-registry");

        await page.GetByRole(AriaRole.Link, new() { Name = Coursecraft }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Coursecraft);
        await Expect(page.GetByTestId("vendor-attention")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("security-record")).ToContainTextAsync("SIG Lite");
        await Expect(page.GetByTestId("vendor-engagements")).ToContainTextAsync(Code);
        // Training keeps the contact; the security record is IT's.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit contact" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit security record" })).ToHaveCountAsync(0);
        await audit.CheckAsync(page, "a vendor's page");
        await PageEvidence.ScreenshotAsync(page, testName, "2-vendor");

        await page.GotoAsync($"/rollouts/{Code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await Expect(page.GetByTestId("gate-vendor-alert")).ToContainTextAsync("vendor certification");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Vendors" }).ClickAsync();
        var engagement = page.GetByTestId("engagement").Filter(new() { HasText = $"{Coursecraft} · Course development" });
        await Expect(engagement.GetByTestId("engagement-status")).ToHaveTextAsync("Proposed");
        await Expect(engagement.GetByTestId("certification-alerts")).ToContainTextAsync("SOC 2 Type II expires");
        await Expect(engagement.GetByTestId("deliverables")).ToContainTextAsync("Storyboard");
        await audit.CheckAsync(page, "the rollout's Vendors tab");

        await engagement.GetByRole(AriaRole.Button, new() { Name = $"Start evaluating: {Coursecraft} Course development" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("moves from proposed to evaluating");
        await audit.CheckAsync(page, "the status dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Start evaluating" }).ClickAsync();
        await Expect(engagement.GetByTestId("engagement-status")).ToHaveTextAsync("Evaluating");
        await Expect(engagement.GetByRole(AriaRole.Button, new() { Name = $"Mark contracted: {Coursecraft} Course development" })).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "3-evaluating");

        await page.GetByRole(AriaRole.Button, new() { Name = "Propose an engagement" }).ClickAsync();
        var propose = page.GetByRole(AriaRole.Dialog);
        await Expect(propose).ToContainTextAsync("Not listed? Register it on the Vendors page first.");
        await audit.CheckAsync(page, "the propose engagement dialog");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await page.GotoAsync($"/engagements/{await EngagementIdAsync(engagement)}/requirements/print");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Technical requirements for {Coursecraft}");
        await Expect(page.GetByTestId("print-requirements")).ToContainTextAsync("Allow-listed domains");
        await audit.CheckAsync(page, "the printable requirements");
        await PageEvidence.ScreenshotAsync(page, testName, "4-printable");
        audit.AssertNoSeriousViolations();
    }

    /// <summary>The engagement's id from its "Printable requirements" link.</summary>
    private static async Task<string> EngagementIdAsync(ILocator engagement)
    {
        var href = await engagement.GetByRole(AriaRole.Link, new() { Name = $"Printable requirements for {Coursecraft}" }).GetAttributeAsync("href");
        return href!.Split('/')[2];
    }
}
