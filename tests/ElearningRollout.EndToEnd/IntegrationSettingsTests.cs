using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Tests.Shared.Webhooks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Issue 16 in the browser: an administrator manages a webhook endpoint on /admin/webhooks (secret shown once, a
/// refused address, edit, a real delivery and "send again", re-key, delete), and a person manages API tokens and the
/// calendar feed on the profile pages (each shown once, revoked after confirming).
/// </summary>
public sealed class IntegrationSettingsTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task Admin_adds_an_endpoint_sees_its_secret_once_edits_it_sees_a_delivery_sends_it_again_rekeys_and_deletes_it()
    {
        const string testName = "webhooks";
        await using var receiver = await WebhookReceiver.StartAsync();
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/webhooks");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page, "the webhooks page");

        // An address in the server's own network is refused beside the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "New endpoint" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Browser receiver");
        await dialog.GetByLabel("Address").FillAsync("https://169.254.169.254/latest/meta-data/");
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "rollout.created:" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("link-local");
        await audit.CheckAsync(page, "the new endpoint dialog with a refused address");
        await PageEvidence.ScreenshotAsync(page, testName, "1-refused-address");

        await dialog.GetByLabel("Address").FillAsync(receiver.Url);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        var secretField = dialog.Locator("#webhook-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex("^whsec_"));
        var secret = await secretField.InputValueAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy secret" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied to the clipboard.");
        await audit.CheckAsync(page, "the new endpoint's secret");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Browser receiver" });
        await Expect(row).ToContainTextAsync("Enabled");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        // Edit: a new name and a second event; the form starts from what is saved.
        await row.GetByRole(AriaRole.Button, new() { Name = "Edit Browser receiver" }).ClickAsync();
        var edit = page.GetByRole(AriaRole.Dialog);
        await Expect(edit.GetByLabel("Address")).ToHaveValueAsync(receiver.Url);
        await edit.GetByLabel("Name").FillAsync("ServiceNow test");
        await edit.GetByRole(AriaRole.Checkbox, new() { Name = "rollout.status_changed:" }).CheckAsync();
        await audit.CheckAsync(page, "the edit endpoint dialog");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save endpoint" }).ClickAsync();
        row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ServiceNow test" });
        await Expect(row).ToContainTextAsync("rollout.status_changed");

        // A real event: a training manager creates a rollout in another browser.
        var training = await (await Product.NewContextAsync()).NewPageAsync();
        await SignInForm.OpenAsync(training);
        await SignInForm.SignInAsync(training, DemoLogins.Training);
        await RolloutWorkspaceTests.CreateThroughTheFormAsync(training, "Webhook academy", testName, new AccessibilityAudit(training));
        await training.WaitForURLAsync(url => url.Contains("/rollouts/ELR-", StringComparison.Ordinal));
        await training.Context.CloseAsync();
        await receiver.WaitForAsync(1);
        Assert.Contains("Webhook academy", receiver.Received[0].Body, StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = "Deliveries of ServiceNow test" }).ClickAsync();
        // The delivery's row (the endpoint's own row names its events too, but no message id).
        var delivery = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "msg_" });
        await Expect(delivery).ToContainTextAsync("Delivered");
        await Expect(delivery).ToContainTextAsync("200");
        await audit.CheckAsync(page, "the delivery log");
        await PageEvidence.ScreenshotAsync(page, testName, "2-delivery-log");
        await delivery.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send again: msg_") }).ClickAsync();
        await Expect(page.GetByText("It goes out again with the next pass.")).ToBeVisibleAsync();
        await receiver.WaitForAsync(2);
        Assert.Equal(receiver.Received[0].Id, receiver.Received[1].Id);

        // Re-key: confirmed, the new secret shown once, and different.
        await row.GetByRole(AriaRole.Button, new() { Name = "Re-key ServiceNow test" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("stops signing at once");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Re-key", Exact = true }).ClickAsync();
        var shown = page.GetByRole(AriaRole.Dialog, new() { Name = "New signing secret for ServiceNow test" });
        await Expect(shown.Locator("#webhook-secret")).ToHaveValueAsync(new Regex("^whsec_"));
        var newSecret = await shown.Locator("#webhook-secret").InputValueAsync();
        Assert.NotEqual(secret, newSecret);
        await audit.CheckAsync(page, "the re-keyed secret");
        await PageEvidence.ScreenshotAsync(page, testName, "3-rekeyed");
        await shown.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        Assert.DoesNotContain(newSecret, await page.ContentAsync(), StringComparison.Ordinal);

        // Delete: confirmed; the endpoint and its log are gone.
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete ServiceNow test" }).ClickAsync();
        confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await audit.CheckAsync(page, "the delete confirmation");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Deliveries to ServiceNow test" })).ToHaveCountAsync(0);
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_person_creates_an_API_token_sees_it_once_uses_it_and_revokes_it_after_confirming()
    {
        const string testName = "api-tokens";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training2);
        await page.GotoAsync("/Account/Manage/ApiTokens");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API tokens" })).ToBeVisibleAsync();
        await audit.CheckAsync(page, "the API tokens tab");

        await page.GetByLabel("Name (which script uses it)").FillAsync("Power BI refresh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secretField = page.Locator("#new-token-secret");
        await Expect(secretField).ToHaveValueAsync(new Regex("^elr_pat_"));
        var secret = await secretField.InputValueAsync();
        await audit.CheckAsync(page, "the new API token");
        await PageEvidence.ScreenshotAsync(page, testName, "1-created");

        using var api = new HttpClient { BaseAddress = Product.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/rollouts")).StatusCode);

        // Shown once: a fresh visit lists the token, never its secret.
        await page.GotoAsync("/Account/Manage/ApiTokens");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Power BI refresh" });
        await Expect(row).ToContainTextAsync("Active");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Link, new() { Name = "Revoke Power BI refresh" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-revoke");
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await audit.CheckAsync(page, "the revoke confirmation");
        await PageEvidence.ScreenshotAsync(page, testName, "2-confirm");

        // "Keep it" keeps it; then revoke for real.
        await confirm.GetByRole(AriaRole.Link, new() { Name = "Keep it" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-revoke")).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/rollouts")).StatusCode);
        await row.GetByRole(AriaRole.Link, new() { Name = "Revoke Power BI refresh" }).ClickAsync();
        await page.GetByTestId("confirm-revoke").GetByRole(AriaRole.Button, new() { Name = "Revoke the token" }).ClickAsync();

        await Expect(page.GetByText("The token is revoked")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/rollouts")).StatusCode);
        await audit.CheckAsync(page, "the API tokens tab after revoking");
        audit.AssertNoSeriousViolations();
    }

    [Fact]
    public async Task A_person_creates_a_calendar_feed_sees_its_address_once_and_stops_it_after_confirming()
    {
        const string testName = "calendar-feed";
        var audit = new AccessibilityAudit(Page);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training2);
        await page.GotoAsync("/Account/Manage");
        var panel = page.Locator("section.calendar-feed");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Calendar feed" })).ToBeVisibleAsync();

        // A feed left over from an earlier run of this test would be replaced; either way the address is new.
        await panel.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Create a calendar feed|Replace the address)$") }).ClickAsync();
        var address = page.GetByTestId("calendar-feed-url");
        await Expect(address).ToHaveValueAsync(new Regex("/calendar/.+\\.ics$"));
        var url = await address.InputValueAsync();
        await audit.CheckAsync(page, "the profile page with a new calendar feed");
        await PageEvidence.ScreenshotAsync(page, testName, "1-created");

        using var calendar = new HttpClient();
        var feed = await calendar.GetAsync(new Uri(Product.BaseAddress, new Uri(url).PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/Account/Manage");
        await Expect(page.GetByTestId("calendar-feed-state")).ToContainTextAsync("A feed is in use");
        Assert.DoesNotContain(new Uri(url).AbsolutePath, await page.ContentAsync(), StringComparison.Ordinal);

        await panel.GetByRole(AriaRole.Link, new() { Name = "Stop the feed" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-feed-stop");
        await Expect(confirm).ToContainTextAsync("This cannot be undone");
        await audit.CheckAsync(page, "the stop-feed confirmation");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Stop the feed now" }).ClickAsync();

        await Expect(page.GetByText("The feed is stopped")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await calendar.GetAsync(new Uri(Product.BaseAddress, new Uri(url).PathAndQuery))).StatusCode);
        await audit.CheckAsync(page, "the profile page after stopping the feed");
        audit.AssertNoSeriousViolations();
    }
}
