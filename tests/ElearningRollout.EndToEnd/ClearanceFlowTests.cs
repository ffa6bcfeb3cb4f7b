using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Training and IT in two browsers at once, on the demo portfolio's gates.</summary>
public sealed class ClearanceFlowTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task An_IT_lead_approves_with_a_condition_and_the_training_manager_sees_it_arrive_live_and_meets_it()
    {
        const string testName = "clearance-flow";
        var audit = new AccessibilityAudit(Page);
        var training = Page;
        await SignInForm.OpenAsync(training);
        await SignInForm.SignInAsync(training, DemoLogins.Training);
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        var bell = training.GetByTestId("notification-bell");
        var unreadBefore = await bell.GetAttributeAsync("aria-label");

        await using var itContext = await Product.NewContextAsync();
        var itLead = await itContext.NewPageAsync();
        await SignInForm.OpenAsync(itLead);
        await SignInForm.SignInAsync(itLead, DemoLogins.ItLead);
        await itLead.GotoAsync("/reviews");
        await BlazorCircuit.WaitUntilInteractiveAsync(itLead);
        await audit.CheckAsync(itLead, "the review queue");
        await PageEvidence.ScreenshotAsync(itLead, testName, "1-review-queue");
        await itLead.GetByRole(AriaRole.Row).Filter(new() { HasText = "ELR-0001" })
            .GetByRole(AriaRole.Link, new() { Name = "Security review" }).ClickAsync();
        await BlazorCircuit.WaitUntilInteractiveAsync(itLead);
        await audit.CheckAsync(itLead, "the gate page, IT side");

        await itLead.GetByRole(AriaRole.Radio, new() { Name = "Approve with conditions" }).CheckAsync();
        await itLead.GetByLabel("Rationale").FillAsync("Security evidence is good; the pen test summary is still to come.");
        await itLead.GetByLabel("Condition 1", new() { Exact = true }).FillAsync("Send the pen test summary to IT");
        await itLead.GetByLabel("Owner of condition 1").ClickAsync();
        await itLead.GetByRole(AriaRole.Option, new() { Name = "Tara Training" }).ClickAsync();
        await itLead.GetByLabel("Condition 1 due by").FillAsync("2030-01-15");
        await itLead.GetByLabel("Condition 1 due by").PressAsync("Tab");
        await PageEvidence.ScreenshotAsync(itLead, testName, "2-decision");
        await itLead.GetByTestId("record-decision").ClickAsync();
        await Expect(itLead.GetByText("Approved with conditions").First).ToBeVisibleAsync();

        // The training manager's open page updates by itself: no reload.
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", unreadBefore ?? "");
        await PageEvidence.ScreenshotAsync(training, testName, "3-bell");
        await bell.ClickAsync();
        await training.WaitForURLAsync(url => url.EndsWith("/notifications", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        await audit.CheckAsync(training, "the notifications page");
        await training.GetByText(new Regex("Security review of ELR-0001 approved with conditions")).First.ClickAsync();
        await training.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        await training.GetByRole(AriaRole.Button, new() { Name = "Mark met: Send the pen test summary to IT" }).ClickAsync();

        await Expect(training.GetByRole(AriaRole.Button, new() { Name = "Mark met: Send the pen test summary to IT" })).ToHaveCountAsync(0);
        await PageEvidence.ScreenshotAsync(training, testName, "4-condition-met");
        await audit.CheckAsync(training, "the gate page, Training side");
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task An_executive_signs_off_a_ready_rollout_from_the_dashboard_and_sees_it_move()
    {
        const string testName = "dashboard-sign-off";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Executive);
        await page.GotoAsync("/dashboard");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var awaiting = page.GetByTestId("awaiting-sign-off");
        await Expect(awaiting).ToContainTextAsync("ELR-0005");
        var signedOff = page.GetByLabel("Go-live sign-off, Approved: 1 rollouts");
        await Expect(signedOff).ToHaveCountAsync(0);
        await audit.CheckAsync(page, "the dashboard");
        await PageEvidence.ScreenshotAsync(page, testName, "1-dashboard");

        // The demo portfolio has exactly one rollout ready for sign-off: ELR-0005.
        await awaiting.GetByRole(AriaRole.Button, new() { Name = "Give sign-off" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Give sign-off" }).ClickAsync();

        await Expect(page.GetByText("Nothing awaits your sign-off.")).ToBeVisibleAsync();
        await Expect(signedOff).ToHaveCountAsync(1);
        await PageEvidence.ScreenshotAsync(page, testName, "2-signed-off");
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task An_administrator_creates_an_IT_lead_who_signs_in_and_sees_the_review_queue()
    {
        const string testName = "admin-creates-it-lead";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/users");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await audit.CheckAsync(page, "the user list");
        await page.GetByRole(AriaRole.Button, new() { Name = "New account" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Nora Network");
        await dialog.GetByLabel("E-mail").FillAsync("nora@elearning.test");
        await dialog.GetByLabel("Department").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "IT", Exact = true }).ClickAsync();
        await dialog.GetByLabel("IT lead").CheckAsync();
        await audit.CheckAsync(page, "the new account dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        var password = (await page.GetByTestId("one-time-password").InnerTextAsync()).Trim();
        await PageEvidence.ScreenshotAsync(page, testName, "1-created");
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await page.GetByTestId("user-menu").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();

        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, "nora@elearning.test", password);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).First.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review queue");
        await PageEvidence.ScreenshotAsync(page, testName, "2-review-queue");
        audit.AssertNoSeriousViolations();
    }
}
