using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The not-found page is open to everyone and interactive like the rest of the app: a visitor who is not signed in gets
/// a page that works (its layout asks a signed-in tab's script to report the person's activity; a visitor's page has no
/// such script, and asking it anyway broke the page).
/// </summary>
public sealed partial class NotFoundPageTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task A_visitor_who_is_not_signed_in_gets_a_working_not_found_page()
    {
        var page = Page;
        var scriptErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                scriptErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/not-found");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await BlazorCircuit.WaitUntilInteractiveAsync(page, "a.mud-button-root[href='/']");

        // The circuit answers: the navigation button closes the drawer (on a laptop it starts open).
        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer).ToHaveClassAsync(DrawerOpen());
        await page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" }).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(DrawerClosed());
        Assert.Empty(scriptErrors);
    }

    [GeneratedRegex(@"\bmud-drawer--open\b")]
    private static partial Regex DrawerOpen();

    [GeneratedRegex(@"\bmud-drawer--closed\b")]
    private static partial Regex DrawerClosed();
}
