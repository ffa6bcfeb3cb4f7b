using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>The static sign-in page, filled in the way a person does it.</summary>
public static class SignInForm
{
    public const string Path = "/Account/Login";

    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Signs in from the open sign-in page and waits for the page the app sends the person to.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = DemoLogins.Password)
    {
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Signed in once the app sends the browser elsewhere. Waiting for that page's load event as well (Playwright's
        // default) once took over 30 s on a loaded machine although the redirect had happened; every test waits for what
        // it needs of the next page itself (its content, or its circuit).
        await page.WaitForURLAsync(url => !url.Contains(Path, StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.Commit });
    }
}
