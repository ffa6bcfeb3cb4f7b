using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// A dashboard in a background tab takes no live renders (each costs the server a render batch, the browser's
/// acknowledgement and the thread hops between them, for every viewer: docs/performance.md) and shows the newest figures
/// as soon as its tab is in front again. Chromium here has no tab strip, so the test hides and shows a tab the way the
/// browser tells a page: the document's visibilityState and its visibilitychange event.
/// </summary>
public sealed class DashboardBackgroundTabTests(ProductUnderTest product) : BrowserTest(product)
{
    // An active demo rollout that is off track (DashboardFilterTests), on the dashboard's first page.
    private const string Rollout = "ELR-0012";

    [Fact]
    public async Task A_dashboard_in_a_background_tab_is_not_rendered_live_and_shows_the_newest_figures_when_shown_again()
    {
        await SignInForm.OpenAsync(Page);
        await SignInForm.SignInAsync(Page, DemoLogins.Executive);
        var background = await OpenDashboardAsync(Page);
        var front = await OpenDashboardAsync(await Page.Context.NewPageAsync());
        await Expect(Health(background)).ToHaveTextAsync("Off track");
        await Expect(Health(front)).ToHaveTextAsync("Off track");

        await SetVisibilityAsync(background, "hidden");
        // The script's report goes over the circuit before the click, so once the drawer has closed the server knows.
        await NavigationDrawer.Toggle(background).ClickAsync();
        await Expect(NavigationDrawer.Of(background)).ToHaveClassAsync(NavigationDrawer.Closed());
        try
        {
            await ChangeHealthAsync(RolloutHealth.OnTrack);
            await Expect(Health(front)).ToHaveTextAsync("On track");

            // The change reached every viewer's circuit before the front tab showed it; a render of the background tab would
            // go to its browser before the render of this click, which comes after the change.
            await NavigationDrawer.Toggle(background).ClickAsync();
            await Expect(NavigationDrawer.Of(background)).ToHaveClassAsync(NavigationDrawer.Open());
            Assert.Equal("Off track", (await Health(background).TextContentAsync())?.Trim());

            await SetVisibilityAsync(background, "visible");
            await Expect(Health(background)).ToHaveTextAsync("On track");
        }
        finally
        {
            await ChangeHealthAsync(RolloutHealth.OffTrack);
        }
    }

    private static async Task<IPage> OpenDashboardAsync(IPage page)
    {
        await page.GotoAsync("/dashboard");
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        return page;
    }

    private static ILocator Health(IPage page) =>
        page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Rollout, Exact = true }) }).Locator("td[data-label=Health]");

    private static Task SetVisibilityAsync(IPage page, string state) => page.EvaluateAsync(TabVisibilityScript.Set, state);

    // As a decision saved on another instance leaves it: the row changed, and the signal that gates changed.
    private async Task ChangeHealthAsync(RolloutHealth health)
    {
        await using var scope = Product.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Rollouts.Where(r => r.Code == Rollout).ExecuteUpdateAsync(set => set.SetProperty(r => r.Health, health));
        scope.ServiceProvider.GetRequiredService<NotificationSignals>().RaiseGatesChanged();
    }
}
