using System.Net;
using System.Net.Http.Headers;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Issue 15, part 2: an administrator creates a SCIM token (shown once, copied), the provider uses it, and revoking it stops it.</summary>
public sealed class ScimTokenAdministrationTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task Admin_creates_a_token_sees_it_once_copies_it_and_revokes_it_after_confirming()
    {
        const string testName = "scim-tokens";
        var audit = new AccessibilityAudit();
        var page = Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Admin);
        await page.GotoAsync("/admin/scim");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SCIM provisioning", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-tokens")).ToBeVisibleAsync();
        await audit.CheckAsync(page, "the SCIM provisioning page without tokens");

        await page.GetByRole(AriaRole.Button, new() { Name = "New token" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Name").FillAsync("Entra production");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        var secretField = dialog.Locator("#scim-secret");
        await Expect(secretField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^elr_scim_"));
        var secret = await secretField.InputValueAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy token" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied to the clipboard.");
        Assert.Equal(secret, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await audit.CheckAsync(page, "the new token dialog");
        await PageEvidence.ScreenshotAsync(page, testName, "1-created");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        // Shown once: the list has the token's name and state, never its secret.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Entra production" });
        await Expect(row).ToContainTextAsync("Active");
        await Expect(row.GetByTestId("last-used")).ToHaveTextAsync("Never");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        using var scim = new HttpClient { BaseAddress = Product.BaseAddress };
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("/scim/v2/Users?filter=userName eq \"admin@elearning.test\"")).StatusCode);
        await page.ReloadAsync();
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(row.GetByTestId("last-used")).ToContainTextAsync("UTC");
        await audit.CheckAsync(page, "the SCIM provisioning page with a token");
        await PageEvidence.ScreenshotAsync(page, testName, "2-listed");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Entra production" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync("This cannot be undone.");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke Entra production" })).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scim.GetAsync("/scim/v2/Users")).StatusCode);
        await audit.CheckAsync(page, "the SCIM provisioning page after revoking");
        audit.AssertNoSeriousViolations();
    }
}
