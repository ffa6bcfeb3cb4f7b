using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Typing the address of a page one's roles do not open gets a plain answer inside the product, with its navigation,
/// the role the page needs and a way back, at laptop and tablet widths.
/// </summary>
public sealed class AccessDeniedTests(ProductUnderTest product) : BrowserTest(product)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(768, 1024)]
    public async Task A_training_manager_who_opens_the_user_list_is_told_access_is_denied_inside_the_app(int width, int height)
    {
        var testName = $"access-denied-{width}";
        var page = Page;
        var audit = new AccessibilityAudit(page);
        await page.SetViewportSizeAsync(width, height);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        await page.GotoAsync("/admin/users");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("access-denied-role")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"The “Users” page is for administrators\."));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoLogins.Admin })).ToHaveCountAsync(0);

        // The product's shell: its app bar with the navigation button and the user menu, not a bare page.
        await Expect(NavigationDrawer.Toggle(page)).ToBeVisibleAsync();
        if (width >= 1280)
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rollouts" }).First).ToBeVisibleAsync();
        }

        await PageEvidence.ScreenshotAsync(page, testName, "access-denied");
        await audit.CheckAsync(page, $"access denied at {width} px");

        // The way back: to the page before (home, where the sign-in landed).
        await page.GetByTestId("access-denied-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/$"));
        audit.AssertNoSeriousViolations();
    }
}
