using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The gate page in daily use, two people at once on the demo portfolio: the checklist as one form, a checklist item set
/// by someone else meanwhile, and a decision overtaken by another IT lead. Each test uses a rollout no other test touches
/// (ELR-0009's Accessibility and support gate, ELR-0012's waiting gate).
/// </summary>
public sealed class GatePageDailyUseTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task The_checklist_saves_several_items_at_once_and_an_item_set_by_someone_else_meanwhile_is_reported_with_who_and_when()
    {
        const string testName = "checklist-form";
        var audit = new AccessibilityAudit();
        var training = Page;
        await SignInForm.OpenAsync(training);
        await SignInForm.SignInAsync(training, DemoLogins.Training);
        await OpenGateFromRolloutAsync(training, "ELR-0009", "Accessibility and support");

        await using var adminContext = await Product.NewContextAsync();
        var admin = await adminContext.NewPageAsync();
        await SignInForm.OpenAsync(admin);
        await SignInForm.SignInAsync(admin, DemoLogins.Admin);
        await admin.GotoAsync(training.Url);
        await BlazorCircuit.WaitUntilInteractiveAsync(admin);

        // Tara fills in three items; nothing is saved yet, and each changed item says so.
        await training.GetByLabel("Evidence for item 1").FillAsync("ACR reviewed with the vendor on 3 Dec");
        await training.GetByLabel("Evidence for item 3").FillAsync("Support tiers in the runbook, section 2");
        await training.GetByLabel("Evidence for item 4").FillAsync("SLA signed: P1 within one working hour");
        await Expect(training.GetByTestId("item-unsaved")).ToHaveCountAsync(3);
        await Expect(training.GetByTestId("save-checklist")).ToHaveTextAsync("Save 3 changes");
        await audit.CheckAsync(training, "the gate page with unsaved checklist changes");

        // Meanwhile the administrator sets item 3.
        await admin.GetByLabel("Evidence for item 3").FillAsync("Service desk only; tiers still to agree");
        await admin.GetByTestId("save-checklist").ClickAsync();
        await Expect(admin.GetByText("Checklist saved: 1 item.")).ToBeVisibleAsync();

        await training.GetByTestId("save-checklist").ClickAsync();

        var conflict = training.GetByTestId("item-conflict");
        await Expect(conflict).ToHaveCountAsync(1);
        await Expect(conflict).ToContainTextAsync(new Regex(@"Alex Admin set this item at \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC"));
        await Expect(conflict).ToContainTextAsync("Service desk only; tiers still to agree");
        await Expect(training.GetByTestId("checklist-conflict")).ToContainTextAsync("Nothing was saved");
        // The page shows the administrator's setting in place, and what Tara typed stays in every field.
        await Expect(training.GetByTestId("checklist-item").Nth(2)).ToContainTextAsync("Set by Alex Admin");
        await Expect(training.GetByLabel("Evidence for item 3")).ToHaveValueAsync("Support tiers in the runbook, section 2");
        await Expect(training.GetByLabel("Evidence for item 1")).ToHaveValueAsync("ACR reviewed with the vendor on 3 Dec");
        await Expect(training.GetByTestId("item-unsaved")).ToHaveCountAsync(3);
        await audit.CheckAsync(training, "the gate page with a checklist conflict");
        await PageEvidence.ScreenshotAsync(training, testName, "1-conflict");

        // Having seen it, Tara saves hers over it: all three together, with one confirmation.
        await training.GetByTestId("save-checklist").ClickAsync();
        await Expect(training.GetByText("Checklist saved: 3 items.")).ToBeVisibleAsync();
        await Expect(training.Locator(".mud-snackbar")).ToHaveCountAsync(1);
        await Expect(training.GetByTestId("item-unsaved")).ToHaveCountAsync(0);
        await Expect(training.GetByTestId("item-conflict")).ToHaveCountAsync(0);
        await Expect(training.GetByTestId("checklist-item").Nth(2)).ToContainTextAsync("Set by Tara Training");
        await Expect(training.GetByTestId("save-checklist")).ToBeDisabledAsync();
        await Expect(training.GetByTestId("save-checklist")).ToHaveAttributeAsync("aria-describedby", "checklist-save-why");
        await PageEvidence.ScreenshotAsync(training, testName, "2-saved");

        // Leaving with an unsaved change asks first; staying keeps it. (Once the confirmation has gone, as a person would
        // see it: under the question's overlay a fading snackbar measures as too little contrast.)
        await Expect(training.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await training.GetByLabel("Evidence for item 5").FillAsync("Hypercare planned for two weeks");
        await training.GetByTestId("rollout-link").ClickAsync();
        var leave = training.GetByRole(AriaRole.Dialog);
        await Expect(leave).ToContainTextAsync("Leave without saving?");
        await audit.CheckAsync(training, "the leave-without-saving question");
        await leave.GetByRole(AriaRole.Button, new() { Name = "Stay on this page" }).ClickAsync();
        await Expect(leave).ToHaveCountAsync(0);
        Assert.Contains("/gates/", training.Url, StringComparison.Ordinal);
        await Expect(training.GetByLabel("Evidence for item 5")).ToHaveValueAsync("Hypercare planned for two weeks");
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task When_another_IT_lead_decides_first_the_page_refreshes_in_place_says_who_and_when_once_and_keeps_the_typed_rationale()
    {
        const string testName = "decision-overtaken";
        var audit = new AccessibilityAudit();
        var iris = Page;
        await SignInForm.OpenAsync(iris);
        await SignInForm.SignInAsync(iris, DemoLogins.ItLead2);
        await iris.GotoAsync("/reviews");
        await BlazorCircuit.WaitUntilInteractiveAsync(iris);
        await iris.GetByRole(AriaRole.Row).Filter(new() { HasText = "ELR-0012" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await iris.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(iris);

        await using var ivanContext = await Product.NewContextAsync();
        var ivan = await ivanContext.NewPageAsync();
        await SignInForm.OpenAsync(ivan);
        await SignInForm.SignInAsync(ivan, DemoLogins.ItLead);
        await ivan.GotoAsync(iris.Url);
        await BlazorCircuit.WaitUntilInteractiveAsync(ivan);

        await iris.GetByRole(AriaRole.Radio, new() { Name = "Reject" }).CheckAsync();
        await iris.GetByLabel("Rationale").FillAsync("Retention rules for the migrated records are still not agreed.");
        await ivan.GetByLabel("Rationale").FillAsync("Infrastructure sizing confirmed with the data centre.");
        await ivan.GetByTestId("record-decision").ClickAsync();
        await Expect(ivan.GetByText("Decision recorded.")).ToBeVisibleAsync();

        // Iris's open page shows the decision in place, once, with who and when; her rationale stays, and deciding is off.
        var overtaken = iris.GetByTestId("decision-conflict");
        await Expect(overtaken).ToContainTextAsync(new Regex(@"^Ivan IT decided this gate first \(Approved, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\)"));
        await Expect(iris.GetByTestId("record-decision")).ToBeDisabledAsync();
        await Expect(iris.GetByTestId("decision-why-not")).ToContainTextAsync("already cleared");
        await Expect(iris.GetByLabel("Rationale")).ToHaveValueAsync("Retention rules for the migrated records are still not agreed.");
        await Expect(iris.GetByTestId("gate-state")).ToHaveTextAsync("Approved");
        await Expect(iris.GetByText("Ivan IT decided this gate first")).ToHaveCountAsync(1);
        await Expect(iris.GetByRole(AriaRole.Button, new() { Name = "Reload" })).ToHaveCountAsync(0);
        await audit.CheckAsync(iris, "the gate page after another IT lead decided first");
        await PageEvidence.ScreenshotAsync(iris, testName, "1-overtaken");
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_training_manager_on_someone_elses_draft_gate_reads_why_not_and_who_to_ask()
    {
        var audit = new AccessibilityAudit();
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        // ELR-0010 belongs to Theo Trainer; its gates are drafts.
        await OpenGateFromRolloutAsync(page, "ELR-0010", "Go-live sign-off");

        var whoActs = page.GetByTestId("who-acts");
        await Expect(whoActs).ToContainTextAsync("Only the rollout's training owner or an administrator can fill in and submit this gate.");
        await Expect(whoActs).ToContainTextAsync("Training owner: Theo Trainer");
        await Expect(whoActs.GetByRole(AriaRole.Link, new() { Name = "training2@elearning.test" })).ToHaveAttributeAsync("href", "mailto:training2@elearning.test");
        await Expect(page.GetByTestId("save-checklist")).ToHaveCountAsync(0);
        await audit.CheckAsync(page, "a read-only gate page");
        audit.AssertNoSeriousViolations();
    }

    private static async Task OpenGateFromRolloutAsync(IPage page, string code, string gate)
    {
        await page.GotoAsync($"/rollouts/{code}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = gate, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/gates/", StringComparison.Ordinal));
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
    }
}
