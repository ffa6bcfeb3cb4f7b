using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>The training manager's workspace in a real browser: create through the form, find, open.</summary>
public sealed class RolloutWorkspaceTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task A_training_manager_creates_a_rollout_finds_it_by_search_and_sees_its_phases_and_gates()
    {
        const string testName = "create-rollout";
        const string title = "Warehouse safety e2e academy";
        var page = Page;
        var audit = new AccessibilityAudit(Page);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);

        await CreateThroughTheFormAsync(page, title, testName, audit);

        await page.WaitForURLAsync(url => url.Contains("/rollouts/ELR-", StringComparison.Ordinal));
        var code = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

        await page.GotoAsync("/rollouts");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Search by code or title").FillAsync("e2e academy");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await audit.CheckAsync(page, "the rollout list");
        await PageEvidence.ScreenshotAsync(page, testName, "6-list");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();

        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await audit.CheckAsync(page, "the rollout overview");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Phases" }).ClickAsync();
        await Expect(page.GetByText("Vendor selection").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Evaluation").First).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "7-phases");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gates" }).ClickAsync();
        await Expect(page.GetByText("Security review").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Go-live sign-off").First).ToBeVisibleAsync();
        await audit.CheckAsync(page, "the gates tab");
        await PageEvidence.ScreenshotAsync(page, testName, "8-gates");

        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_title_that_looks_like_HTML_is_shown_as_text_and_never_runs()
    {
        const string title = "<img src=x onerror=alert(1)>";
        var page = Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);

        await CreateThroughTheFormAsync(page, title, "hostile-title", new AccessibilityAudit(Page));
        await page.WaitForURLAsync(url => url.Contains("/rollouts/ELR-", StringComparison.Ordinal));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.GotoAsync("/rollouts");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = title })).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, "hostile-title", "list");
        Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages_with_native_controls_and_a_new_filter_starts_at_the_first_page()
    {
        var page = Page;
        var audit = new AccessibilityAudit(Page);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var pageInformation = page.Locator(".mud-table-page-number-information");
        await Expect(pageInformation).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1-"));

        // Ten rows a page, then the second page (the demo portfolio has more than ten rollouts).
        await page.GetByLabel("Rows per page:").SelectOptionAsync("10");
        await Expect(pageInformation).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1-10 of "));
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(pageInformation).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^11-"));

        // A filter chosen from the keyboard: focus the select, then choose; the list starts again at its first page.
        var status = page.GetByLabel("Status", new() { Exact = true });
        await status.FocusAsync();
        await status.SelectOptionAsync(new SelectOptionValue { Label = "Active" });
        await Expect(pageInformation).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1-"));
        await Expect(page.Locator("td[data-label=Status]").First).ToHaveTextAsync("Active");
        foreach (var cell in await page.Locator("td[data-label=Status]").AllTextContentsAsync())
        {
            Assert.Equal("Active", cell.Trim());
        }

        // A sort header is a button: Enter sorts, aria-sort tells which way.
        var goLive = page.GetByRole(AriaRole.Columnheader, new() { Name = "Target go-live" });
        await goLive.GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(goLive).ToHaveAttributeAsync("aria-sort", "ascending");
        await page.Keyboard.PressAsync("Enter");
        await Expect(goLive).ToHaveAttributeAsync("aria-sort", "descending");
        await audit.CheckAsync(page, "the filtered rollout list");

        // "Any" clears the filter again: the demo portfolio also holds drafts, a live and an on-hold rollout.
        var activeOnly = await pageInformation.TextContentAsync();
        await status.SelectOptionAsync(new SelectOptionValue { Label = "Any" });
        await Expect(pageInformation).Not.ToHaveTextAsync(activeOnly!);
        // The selects keep showing what was chosen through every re-render (their choices are one piece of markup).
        await Expect(page.GetByLabel("Rows per page:")).ToHaveValueAsync("10");
        await Expect(status).ToHaveValueAsync("");

        // The user menu from the keyboard: Enter opens it on its first item, the arrow moves, Escape returns to the button.
        var userMenu = page.Locator("[data-testid=user-menu] > button");
        await userMenu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Your account" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" })).ToBeFocusedAsync();
        await audit.CheckAsync(page, "the open user menu");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);
        await Expect(userMenu).ToBeFocusedAsync();
        audit.AssertNoSeriousViolations();
    }

    /// <summary>Fills the five steps of /rollouts/new with a valid vendor-hosted rollout and creates it.</summary>
    internal static async Task CreateThroughTheFormAsync(IPage page, string title, string testName, AccessibilityAudit audit)
    {
        await page.GotoAsync("/rollouts/new");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await audit.CheckAsync(page, "the new rollout form");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Start date").FillAsync("2027-01-04");
        await page.GetByLabel("Start date").PressAsync("Tab");
        await page.GetByLabel("Target go-live").FillAsync("2027-06-30");
        await page.GetByLabel("Target go-live").PressAsync("Tab");
        await PageEvidence.ScreenshotAsync(page, testName, "1-basics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await NextStepShownAsync(page, "Audiences and reach");

        await page.GetByLabel("Employees").CheckAsync();
        await page.GetByLabel("Estimated learners").FillAsync("800");
        await page.GetByLabel("Peak concurrent learners").FillAsync("40");
        await page.GetByLabel("Office network").CheckAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "2-audiences");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await NextStepShownAsync(page, "Hosting and integrations");

        // Vendor-hosted, no enterprise integration: the preview says Light before anything is saved.
        await Expect(page.GetByTestId("profile-preview")).ToContainTextAsync("Light");
        await audit.CheckAsync(page, "the hosting step with its live preview");
        await PageEvidence.ScreenshotAsync(page, testName, "3-hosting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await NextStepShownAsync(page, "Pilot cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await NextStepShownAsync(page, "Review and create");
        await PageEvidence.ScreenshotAsync(page, testName, "5-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rollout" }).ClickAsync();
    }

    // Each step validates on the server before moving on: wait for the next step's heading before the next click,
    // or a quick second click lands on the same step and is lost.
    private static Task NextStepShownAsync(IPage page, string title)
        => Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title })).ToBeVisibleAsync();
}
