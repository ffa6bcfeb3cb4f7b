using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>An administrator edits a gate template and publishes it as a new version.</summary>
public sealed class TemplateAdministrationTests(ProductUnderTest product) : BrowserTest(product)
{
    // The Go-live sign-off template: an optional item added there changes no other test's checklist expectations.
    private const string NewItem = "Launch announcement sent to every learner";

    [Fact]
    public async Task Admin_adds_a_checklist_item_publishes_it_and_the_item_shows_in_the_new_version()
    {
        const string testName = "gate-template";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/templates");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        var goLive = page.Locator("[data-testid=gate-template][data-kind=GoLiveSignOff]");
        await Expect(goLive.GetByTestId("template-version")).ToContainTextAsync("Version 1");
        await goLive.GetByRole(AriaRole.Button, new() { Name = "Edit the Go-live sign-off template" }).ClickAsync();
        var editor = page.GetByTestId("gate-template-editor");
        await Expect(editor.GetByLabel("Item 3", new() { Exact = true })).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add an item" }).ClickAsync();
        await editor.GetByLabel("Item 4", new() { Exact = true }).FillAsync(NewItem);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Move item 4 up" }).ClickAsync();
        await Expect(editor.GetByTestId("editor-announcement")).ToHaveTextAsync("Item 4 moved up to position 3.");
        await Expect(editor.GetByLabel("Item 3", new() { Exact = true })).ToHaveValueAsync(NewItem);
        await audit.CheckAsync(page, "the gate template editor");
        await PageEvidence.ScreenshotAsync(page, testName, "1-editing");

        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish version 2" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Gates that exist keep their checklist");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await Expect(goLive.GetByTestId("template-version")).ToContainTextAsync("Version 2, published by Alex Admin");
        await Expect(goLive.GetByTestId("template-items").Locator("li").Nth(2)).ToContainTextAsync(NewItem);
        // Every demo rollout has a Go-live sign-off gate made from version 1.
        var older = goLive.GetByTestId("older-versions");
        await older.Locator("summary").ClickAsync();
        await Expect(older.Locator("summary")).ToContainTextAsync("still use");
        await Expect(older.GetByRole(AriaRole.Link).First).ToContainTextAsync("ELR-");
        await Expect(older).ToContainTextAsync("Version 1");
        await audit.CheckAsync(page, "the templates page after publishing");
        await PageEvidence.ScreenshotAsync(page, testName, "2-published");
        audit.AssertNoSeriousViolations();
    }
}
