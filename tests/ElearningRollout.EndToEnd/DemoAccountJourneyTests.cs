using System.Text.RegularExpressions;
using ElearningRollout.Domain.Common;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Components.Layout;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Each demo account signs in, finds the places its roles open, and signs out, in a real browser.</summary>
public sealed class DemoAccountJourneyTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task The_sign_in_page_has_no_serious_accessibility_problems()
    {
        var page = Page;
        var audit = new AccessibilityAudit(Page);

        await SignInForm.OpenAsync(page);

        await PageEvidence.ScreenshotAsync(page, nameof(The_sign_in_page_has_no_serious_accessibility_problems), "sign-in");
        await audit.CheckAsync(page, "the sign-in page");
        audit.AssertNoSeriousViolations();
    }

    [Theory]
    [InlineData(DemoLogins.Admin, "Alex Admin", Roles.Administrator)]
    [InlineData(DemoLogins.Training, "Tara Training", Roles.TrainingManager)]
    [InlineData(DemoLogins.Training2, "Theo Trainer", Roles.TrainingManager)]
    [InlineData(DemoLogins.ItLead, "Ivan IT", Roles.ItLead)]
    [InlineData(DemoLogins.ItLead2, "Iris Infra", Roles.ItLead)]
    [InlineData(DemoLogins.Executive, "Erin Executive", Roles.Executive)]
    public async Task A_demo_account_signs_in_sees_the_places_its_role_opens_and_signs_out(string email, string displayName, string role)
    {
        var testName = $"journey-{email.Split('@')[0]}";
        var page = Page;
        var audit = new AccessibilityAudit(Page);
        await SignInForm.OpenAsync(page);
        await PageEvidence.ScreenshotAsync(page, testName, "sign-in");

        await SignInForm.SignInAsync(page, email);

        await Expect(page).ToHaveURLAsync(Product.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome, {displayName}");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await PageEvidence.ScreenshotAsync(page, testName, "home");
        await audit.CheckAsync(page, $"the home page of {email}");
        await AssertNavigationShowsExactlyWhatTheRoleOpensAsync(page, role);

        if (role == Roles.Administrator)
        {
            await OpenTheUserListAsync(page, testName, audit);
        }

        await OpenUserMenuAsync(page);
        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync(Roles.DisplayName(role));
        await PageEvidence.ScreenshotAsync(page, testName, "user-menu");

        await page.GetByTestId("sign-out").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains(SignInForm.Path, StringComparison.OrdinalIgnoreCase));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "signed-out");
        audit.AssertNoSeriousViolations();
    }

    // The expectation comes from the same catalogue the app uses, so a new place is checked without editing
    // this test; what must not show is asserted as strictly as what must.
    private static async Task AssertNavigationShowsExactlyWhatTheRoleOpensAsync(IPage page, string role)
    {
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        foreach (var entry in NavigationCatalog.Entries)
        {
            var link = navigation.GetByRole(AriaRole.Link, new() { Name = entry.Title, Exact = true });
            if (entry.IsAllowedFor(r => r == role))
            {
                await Expect(link).ToBeVisibleAsync();
                await Expect(link).ToHaveAttributeAsync("href", entry.Href);
            }
            else
            {
                await Expect(link).ToHaveCountAsync(0);
            }
        }

        var allowed = NavigationCatalog.Entries.Count(e => e.IsAllowedFor(r => r == role));
        await Expect(navigation.GetByRole(AriaRole.Link)).ToHaveCountAsync(allowed);
    }

    private static async Task OpenTheUserListAsync(IPage page, string testName, AccessibilityAudit audit)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" })
            .GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        // The table loads its rows from the server after the first render; audit the page with its data in it.
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoLogins.Admin, Exact = true })).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "admin-users");
        await audit.CheckAsync(page, "the user list (/admin/users)");
    }

    private static async Task OpenUserMenuAsync(IPage page)
    {
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await page.Locator(BlazorCircuit.UserMenuButton).ClickAsync();
        await Expect(page.GetByTestId("user-roles")).ToBeVisibleAsync();
    }
}
