using System.Text.RegularExpressions;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// Every page names itself in the browser's title (tab, history, what a screen reader announces on arrival) without an
/// interactive head outlet (DocumentTitle, docs/performance.md "Capacity"): on the server's first response, on the static
/// sign-in page, after each interactive navigation, and when a page's own name arrives with its data.
/// </summary>
public sealed partial class DocumentTitleTests(ProductUnderTest product) : BrowserTest(product)
{
    [Fact]
    public async Task The_title_names_the_page_on_arrival_and_after_every_navigation()
    {
        var page = Page;
        await SignInForm.OpenAsync(page);
        await Expect(page).ToHaveTitleAsync("Sign in · ElearningRollout");
        await SignInForm.SignInAsync(page, DemoLogins.Training);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page).ToHaveTitleAsync("Home · ElearningRollout");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Rollouts" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/rollouts$"));
        await Expect(page).ToHaveTitleAsync("Rollouts · ElearningRollout");

        // A rollout's page names the rollout once its details are loaded.
        await page.GetByRole(AriaRole.Link, new() { Name = "ELR-0001", Exact = true }).ClickAsync();
        await Expect(page).ToHaveTitleAsync(RolloutTitle());

        await page.GoBackAsync();
        await Expect(page).ToHaveTitleAsync("Rollouts · ElearningRollout");

        // Opened directly: the script names the page from the server's first response.
        await page.GotoAsync("/glossary");
        await Expect(page).ToHaveTitleAsync("Glossary · ElearningRollout");
    }

    [GeneratedRegex(@"^ELR-0001 .+ · ElearningRollout$")]
    private static partial Regex RolloutTitle();
}
