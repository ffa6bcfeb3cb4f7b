using ElearningRollout.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The not-found page is open to everyone and interactive like the rest of the app: a visitor who is not signed in gets
/// a page that works (its layout asks a signed-in tab's script to report the person's activity; a visitor's page has no
/// such script, and asking it anyway broke the page).
/// </summary>
public sealed class NotFoundPageTests(ProductUnderTest product) : BrowserTest(product)
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
        var drawer = NavigationDrawer.Of(page);
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Open());
        await NavigationDrawer.Toggle(page).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Closed());
        Assert.Empty(scriptErrors);
    }
}
