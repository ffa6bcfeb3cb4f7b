using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The navigation drawer written as MudNavLink's markup (docs/performance.md, "Capacity") behaves as MudNavLink did: on a
/// laptop it stays open beside the page and marks the place one is on; on a tablet it is an overlay that closes once a
/// place is chosen.
/// </summary>
public sealed class NavigationDrawerTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task On_a_laptop_the_drawer_stays_open_and_marks_the_place_chosen()
    {
        var page = Page;
        await page.SetViewportSizeAsync(1280, 800);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var drawer = NavigationDrawer.Of(page);
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Open());

        await drawer.GetByRole(AriaRole.Link, new() { Name = "Glossary" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/glossary$"));
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Glossary" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Home" })).Not.ToHaveAttributeAsync("aria-current", "page");
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Open());
    }

    [Fact]
    public async Task On_a_tablet_the_drawer_closes_once_a_place_is_chosen()
    {
        var page = Page;
        await page.SetViewportSizeAsync(768, 1024);
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        var drawer = NavigationDrawer.Of(page);
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Closed());

        await NavigationDrawer.Toggle(page).ClickAsync();
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Open());
        await drawer.GetByRole(AriaRole.Link, new() { Name = "Rollouts" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/rollouts$"));
        await Expect(drawer).ToHaveClassAsync(NavigationDrawer.Closed());
    }
}
