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
/// as soon as its tab is in front again; the bell of a background tab counts the person's unread notices again only when
/// the tab is shown. Chromium here has no tab strip, so the test hides and shows a tab the way the
/// browser tells a page: the document's visibilityState and its visibilitychange event.
/// </summary>
public sealed class BackgroundTabTests(ProductUnderTest product) : BrowserTest(product)
{
    // An active demo rollout that is off track (DashboardFilterTests), on the dashboard's first page.
    private const string Rollout = "ELR-0012";

    [Fact]
    public async Task A_dashboard_in_a_background_tab_is_not_rendered_live_and_shows_the_newest_figures_when_shown_again()
    {
        var (background, front) = await ExecutiveTabsAsync("/dashboard");
        await Expect(Health(background)).ToHaveTextAsync("Off track");
        await Expect(Health(front)).ToHaveTextAsync("Off track");

        await HideAsync(background);
        try
        {
            await ChangeHealthAsync(RolloutHealth.OnTrack);
            await Expect(Health(front)).ToHaveTextAsync("On track");

            await RoundTripAsync(background);
            Assert.Equal("Off track", (await Health(background).TextContentAsync())?.Trim());

            await SetVisibilityAsync(background, "visible");
            await Expect(Health(background)).ToHaveTextAsync("On track");
        }
        finally
        {
            await ChangeHealthAsync(RolloutHealth.OffTrack);
        }
    }

    [Fact]
    public async Task A_bell_in_a_background_tab_counts_a_new_notice_only_when_the_tab_is_shown_again()
    {
        var (background, front) = await ExecutiveTabsAsync("/rollouts");
        var before = await Bell(front).GetAttributeAsync("aria-label");
        await Expect(Bell(background)).ToHaveAttributeAsync("aria-label", before!);

        await HideAsync(background);
        var notice = await NotifyExecutiveAsync();
        try
        {
            await Expect(Bell(front)).Not.ToHaveAttributeAsync("aria-label", before!);
            var after = await Bell(front).GetAttributeAsync("aria-label");

            await RoundTripAsync(background);
            Assert.Equal(before, await Bell(background).GetAttributeAsync("aria-label"));

            await SetVisibilityAsync(background, "visible");
            await Expect(Bell(background)).ToHaveAttributeAsync("aria-label", after!);
        }
        finally
        {
            await using var db = await DatabaseAsync();
            await db.Notifications.Where(n => n.Id == notice).ExecuteDeleteAsync();
        }
    }

    // The executive signed in, with two tabs on the same screen: the one to be hidden, and one in front.
    private async Task<(IPage Background, IPage Front)> ExecutiveTabsAsync(string path)
    {
        await SignInForm.OpenAsync(Page);
        await SignInForm.SignInAsync(Page, DemoLogins.Executive);
        return (await OpenAsync(Page), await OpenAsync(await Page.Context.NewPageAsync()));

        async Task<IPage> OpenAsync(IPage page)
        {
            await page.GotoAsync(path);
            await BlazorCircuit.WaitUntilInteractiveAsync(page);
            return page;
        }
    }

    // The script's report goes over the circuit before the click, so once the drawer has closed the server knows.
    private static async Task HideAsync(IPage page)
    {
        await SetVisibilityAsync(page, "hidden");
        await NavigationDrawer.Toggle(page).ClickAsync();
        await Expect(NavigationDrawer.Of(page)).ToHaveClassAsync(NavigationDrawer.Closed());
    }

    // The change reached every circuit before the tab in front showed it; a render of the background tab would go to its
    // browser before the render of this click, which comes after the change.
    private static async Task RoundTripAsync(IPage page)
    {
        await NavigationDrawer.Toggle(page).ClickAsync();
        await Expect(NavigationDrawer.Of(page)).ToHaveClassAsync(NavigationDrawer.Open());
    }

    private static ILocator Bell(IPage page) => page.GetByTestId("notification-bell");

    // As a notice saved on another instance arrives: the row, and the signal to the person's open tabs.
    private async Task<long> NotifyExecutiveAsync()
    {
        await using var db = await DatabaseAsync();
        var executive = await db.Users.Where(u => u.Email == DemoLogins.Executive).Select(u => u.Id).SingleAsync();
        var notice = new Notification
        {
            UserId = executive, Kind = NotificationKind.GateSubmittedToMe, Title = "A notice for the background tab test", Link = "/dashboard",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Notifications.Add(notice);
        await db.SaveChangesAsync();
        Signals.Raise([executive]);
        return notice.Id;
    }

    private static ILocator Health(IPage page) =>
        page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Rollout, Exact = true }) }).Locator("td[data-label=Health]");

    private static Task SetVisibilityAsync(IPage page, string state) => page.EvaluateAsync(TabVisibilityScript.Set, state);

    // As a decision saved on another instance leaves it: the row changed, and the signal that gates changed.
    private async Task ChangeHealthAsync(RolloutHealth health)
    {
        await using var db = await DatabaseAsync();
        await db.Rollouts.Where(r => r.Code == Rollout).ExecuteUpdateAsync(set => set.SetProperty(r => r.Health, health));
        Signals.RaiseGatesChanged();
    }

    // The running product's own database and signals (both singletons), as another instance's save would reach them.
    private Task<ElearningRolloutDbContext> DatabaseAsync() =>
        Product.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();

    private NotificationSignals Signals => Product.Services.GetRequiredService<NotificationSignals>();
}
