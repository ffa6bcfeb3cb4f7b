using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>The app bar's theme switch: named for screen readers and in the browser's tooltip (title), and it switches.</summary>
public sealed class ThemeSwitchTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task The_theme_switch_says_what_it_does_and_switches_both_ways()
    {
        var page = Page;
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.ItLead);
        await page.GotoAsync("/glossary");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);

        var toDark = page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" });
        await Expect(toDark).ToHaveAttributeAsync("title", "Switch to dark theme");
        await toDark.ClickAsync();
        var toLight = page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" });
        await Expect(toLight).ToHaveAttributeAsync("title", "Switch to light theme");

        // Back to light: the preference is kept per person, and other tests sign in as this person too.
        await toLight.ClickAsync();
        await Expect(toDark).ToBeVisibleAsync();
    }
}
