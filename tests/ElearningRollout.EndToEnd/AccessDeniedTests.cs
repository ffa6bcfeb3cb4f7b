using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>Typing the address of a page one's roles do not open gets a plain answer, not the page.</summary>
public sealed class AccessDeniedTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task A_training_manager_who_opens_the_user_list_is_told_access_is_denied()
    {
        const string testName = nameof(A_training_manager_who_opens_the_user_list_is_told_access_is_denied);
        var page = Page;
        await SignInForm.OpenAsync(page);
        await PageEvidence.ScreenshotAsync(page, testName, "sign-in");
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await PageEvidence.ScreenshotAsync(page, testName, "home");

        await page.GotoAsync("/admin/users");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = DemoLogins.Admin })).ToHaveCountAsync(0);
        await PageEvidence.ScreenshotAsync(page, testName, "access-denied");
    }
}
