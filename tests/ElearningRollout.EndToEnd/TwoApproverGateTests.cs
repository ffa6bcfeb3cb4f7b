using System.Globalization;
using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Issue 20's two-approver gate, in four browsers: an administrator asks the Security review for one IT lead from each of
/// two groups, one reviewer is away so his stand-in decides for him, the other reviewer decides, and the gate clears with
/// the submitter notified. ELR-0003 (assessment phase) has a draft Security review no other browser test uses.
/// </summary>
public sealed class TwoApproverGateTests(ProductUnderTest product) : BrowserTest(product)
{
    private const string StandIn = "sam.standin@elearning.test";
    private const string Kind = "Security review";

    [Fact]
    public async Task A_security_review_needing_one_from_each_of_two_groups_clears_with_one_review_decided_by_a_stand_in_and_the_submitter_is_told()
    {
        const string testName = "two-approver-gate";
        var audit = new AccessibilityAudit(Page);
        await Product.AddPersonAsync(StandIn, "Sam Standin", "IT", "ItLead");

        // The administrator asks for one IT security lead (Ivan) and one infrastructure lead (Iris).
        await using var adminContext = await Product.NewContextAsync();
        var admin = await SignedInAsync(adminContext, DemoLogins.Admin, "/admin/templates");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Edit approval policy of {Kind}" }).ClickAsync();
        var editor = admin.GetByTestId("approval-policy-editor");
        await editor.GetByRole(AriaRole.Radio, new() { Name = "One from each of several groups" }).CheckAsync();
        await editor.GetByLabel("Name of group 1").FillAsync("IT security");
        await editor.GetByRole(AriaRole.Checkbox, new() { Name = "Ivan IT in group 1" }).CheckAsync();
        await editor.GetByLabel("Name of group 2").FillAsync("Infrastructure");
        await editor.GetByRole(AriaRole.Checkbox, new() { Name = "Iris Infra in group 2" }).CheckAsync();
        await audit.CheckAsync(admin, "the approval policy editor");
        await PageEvidence.ScreenshotAsync(admin, testName, "1-policy");
        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish policy version") }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        var policy = admin.Locator("[data-kind='SecurityReview'] [data-testid='approval-policy-summary']");
        await Expect(policy).ToContainTextAsync("one IT lead from each of IT security and Infrastructure");

        // Ivan is away this week; Sam stands in. "Set absence" is pressed once the page shows Sam chosen, as a person waits.
        await using var ivanContext = await Product.NewContextAsync();
        var ivan = await SignedInAsync(ivanContext, DemoLogins.ItLead, "/away");
        var form = ivan.GetByTestId("set-away");
        await Expect(ivan.GetByLabel("First day away")).ToHaveValueAsync(Day(0));
        await Expect(ivan.GetByLabel("Last day away")).ToHaveValueAsync(Day(7));
        await ivan.GetByLabel("Stand-in").ClickAsync();
        await ivan.GetByRole(AriaRole.Option, new() { Name = "Sam Standin" }).ClickAsync();
        await Expect(form).ToContainTextAsync("Sam Standin");
        await ivan.GetByTestId("set-away-button").ClickAsync();
        await Expect(ivan.GetByTestId("absence")).ToContainTextAsync($"{Day(0)} to {Day(7)}, Sam Standin stands in (now)");
        await audit.CheckAsync(ivan, "the Away page");
        await PageEvidence.ScreenshotAsync(ivan, testName, "2-away");

        // Tara meets the required items and submits: the gate goes to Ivan's review (Sam stands in) and to Iris's.
        var training = await SignedInAsync(Page.Context, DemoLogins.Training, "/rollouts/ELR-0003", Page);
        await training.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await training.GetByRole(AriaRole.Link, new() { Name = Kind, Exact = true }).ClickAsync();
        await training.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        foreach (var item in new[] { 1, 2, 4, 5 })
        {
            await training.GetByLabel($"State of item {item}").ClickAsync();
            await training.GetByRole(AriaRole.Option, new() { Name = "Met", Exact = true }).ClickAsync();
        }

        await training.GetByTestId("save-checklist").ClickAsync();
        await Expect(training.GetByText("Checklist saved: 4 items.")).ToBeVisibleAsync();
        await Expect(training.GetByTestId("upcoming-policy")).ToContainTextAsync("one IT lead from each of IT security and Infrastructure");
        await training.GetByTestId("submit-gate").ClickAsync();
        var reviewers = training.GetByTestId("reviewers-panel");
        await Expect(reviewers.GetByTestId("review").Filter(new() { HasText = "Ivan IT" })).ToContainTextAsync("pending");
        await Expect(reviewers.GetByTestId("review").Filter(new() { HasText = "Ivan IT" })).ToContainTextAsync("Sam Standin stands in");
        await Expect(reviewers.GetByTestId("review").Filter(new() { HasText = "Iris Infra" })).ToContainTextAsync("pending");
        await Expect(training.GetByTestId("gate-reviewers")).ToHaveTextAsync("Iris Infra, Ivan IT (0 of 2 decided)");
        var gateUrl = training.Url;

        // Sam decides Ivan's review, in his own browser.
        await using var samContext = await Product.NewContextAsync();
        var sam = await SignedInAsync(samContext, StandIn, gateUrl);
        await Expect(sam.GetByTestId("deciding-for")).ToContainTextAsync("Ivan IT");
        await sam.GetByLabel("Rationale").FillAsync("Checked for Ivan while he is away: the SOC 2 report covers the portal.");
        await sam.GetByTestId("record-decision").ClickAsync();
        await Expect(sam.GetByTestId("review").Filter(new() { HasText = "Ivan IT" })).ToContainTextAsync("by Sam Standin for Ivan IT");
        await Expect(sam.GetByTestId("review").Filter(new() { HasText = "Iris Infra" })).ToContainTextAsync("pending");
        await Expect(sam.GetByTestId("gate-state").First).Not.ToContainTextAsync("Approved");
        await audit.CheckAsync(sam, "the gate page with one review decided by a stand-in");
        await PageEvidence.ScreenshotAsync(sam, testName, "3-one-of-two");

        // Iris decides the other, in hers; the gate clears.
        await using var irisContext = await Product.NewContextAsync();
        var iris = await SignedInAsync(irisContext, DemoLogins.ItLead2, gateUrl);
        await iris.GetByTestId("record-decision").ClickAsync();
        await Expect(iris.GetByTestId("review").Filter(new() { HasText = "Iris Infra" })).ToContainTextAsync("Approved");
        await Expect(iris.GetByTestId("review-rounds")).ToContainTextAsync("Approved");
        await Expect(iris.GetByTestId("gate-state").First).ToContainTextAsync("Approved");
        await audit.CheckAsync(iris, "the gate page cleared by two reviewers");
        await PageEvidence.ScreenshotAsync(iris, testName, "4-cleared");

        // Tara is told: the bell counts it, and the notification names the gate.
        await training.GotoAsync("/notifications");
        await BlazorCircuit.WaitUntilInteractiveAsync(training);
        await Expect(training.GetByText(new Regex($"{Kind} of ELR-0003 approved")).First).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(training, testName, "5-notified");

        // Ivan is back early: he ends the absence, after confirming, so other tests see his reviews as his.
        await ivan.GetByTestId("end-absence").ClickAsync();
        await ivan.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End the absence" }).ClickAsync();
        await Expect(ivan.GetByTestId("no-absence")).ToBeVisibleAsync();

        // Back to one approver, so other tests of this kind see the product as shipped.
        await admin.ReloadAsync();
        await BlazorCircuit.WaitUntilInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Edit approval policy of {Kind}" }).ClickAsync();
        await admin.GetByTestId("approval-policy-editor").GetByRole(AriaRole.Radio, new() { Name = "Any one IT lead (the reviewer the submitter picks)" }).CheckAsync();
        await admin.GetByTestId("approval-policy-editor").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish policy version") }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(policy).ToContainTextAsync("any one IT lead");
        audit.AssertNoSeriousViolations();
    }

    private static string Day(int fromToday) => DateTime.UtcNow.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Four browsers at once on a busy two-core machine: a page load or a click's answer can take longer than the suite's
    /// 15 seconds, as it would for a person on a slow day, so these contexts wait up to a minute (nothing here is timed).
    /// </summary>
    private const float PatientMilliseconds = 60_000;

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email, string path, IPage? page = null)
    {
        context.SetDefaultTimeout(PatientMilliseconds);
        context.SetDefaultNavigationTimeout(PatientMilliseconds);
        page ??= await context.NewPageAsync();
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, email);
        await page.GotoAsync(path);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        return page;
    }
}
