using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>
/// Full-page screenshots of every page a test visits, kept beside the test assembly
/// (bin/.../TestResults/screenshots) so a failed CI run can be understood without re-running it.
/// </summary>
public static class PageEvidence
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task ScreenshotAsync(IPage page, string testName, string pageName)
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, $"{Safe(testName)}-{Safe(pageName)}.png");
        // Transitions finished, so an opening menu is shown opened rather than half faded in.
        await page.ScreenshotAsync(new() { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string Safe(string name)
        => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
