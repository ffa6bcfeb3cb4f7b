using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Retakes docs/user-guide.md's screenshots at 1280 px against the app seeded with the demo data. Opt-in: set
/// ELR_USER_GUIDE_IMAGES to the docs/images folder, e.g.
/// <c>ELR_USER_GUIDE_IMAGES=$PWD/docs/images dotnet test tests/ElearningRollout.EndToEnd --filter UserGuideScreenshots</c>.
/// Without it the test is skipped: a normal run must not rewrite the documentation.
/// </summary>
public sealed class UserGuideScreenshots(ProductUnderTest product) : BrowserTest(product)
{
    private const string FolderVariable = "ELR_USER_GUIDE_IMAGES";

    [UserGuideScreenshot]
    public async Task Rollout_list_tabs_and_dashboard()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable)!;
        var page = Page;
        await page.SetViewportSizeAsync(1280, 800);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await page.GotoAsync("/rollouts");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("tbody tr.mud-table-row").First).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(1, 799);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "rollout-list.png") });

        await page.GotoAsync("/rollouts/ELR-0001?tab=phases");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phases", Level = 2 })).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(1, 799);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "rollout-phases.png") });

        await page.Context.ClearCookiesAsync();
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Executive);
        await page.GotoAsync("/dashboard");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("[data-testid^=money-] svg").First).ToBeVisibleAsync();
        await page.Mouse.MoveAsync(1, 799);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "dashboard.png"), FullPage = true });
    }

    private sealed class UserGuideScreenshotAttribute : FactAttribute
    {
        public UserGuideScreenshotAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(FolderVariable)))
            {
                Skip = $"Retakes the user guide's screenshots only when {FolderVariable} names the docs/images folder.";
            }
        }
    }
}
