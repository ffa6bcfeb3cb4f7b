using System.Text.RegularExpressions;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// An open tab is signed out after 30 minutes without its person's clicks or keys, however many live updates it received
/// meanwhile: the browser acknowledges each one over the circuit, and that is not the person. A click restarts the count.
/// The app runs on a clock of its own (a FakeTimeProvider), so that thirty minutes pass in a step; the browser's are real.
/// </summary>
public sealed partial class IdleSignOutTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ProductAppFactory _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IdleSignOutTests() => _app = new ProductAppFactory { Clock = _clock };

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        (_playwright, _browser) = await ProductUnderTest.LaunchChromiumAsync();
    }

    [Fact]
    public async Task A_tab_that_only_receives_live_updates_is_signed_out_after_thirty_minutes_and_a_click_restarts_the_count()
    {
        var baseAddress = ProductUnderTest.BoundAddress(_app);
        await using var watchingContext = await ProductUnderTest.NewContextAsync(_browser!, baseAddress);
        await using var workingContext = await ProductUnderTest.NewContextAsync(_browser!, baseAddress);
        var watching = await SignedInAsync(watchingContext, DemoLogins.Executive);
        var working = await SignedInAsync(workingContext, DemoLogins.Training);

        _clock.Advance(TimeSpan.FromMinutes(29));

        // One person clicks (the drawer's button). The script's report goes before the click over the same circuit, so once
        // the drawer has closed the report has arrived.
        await NavigationDrawer.Toggle(working).ClickAsync();
        await Expect(NavigationDrawer.Of(working)).ToHaveClassAsync(NavigationDrawer.Closed());

        // The other tab only watches: a notice for its person arrives live, the bell shows it, the browser acknowledges it.
        var bell = watching.GetByTestId("notification-bell");
        var before = await bell.GetAttributeAsync("aria-label");
        await NotifyAsync(DemoLogins.Executive);
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", before!);

        _clock.Advance(TimeSpan.FromMinutes(2));

        await Expect(watching).ToHaveURLAsync(SignInPage());
        await Expect(watching.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(working.GetByTestId("user-menu")).ToBeVisibleAsync();
        Assert.DoesNotMatch(SignInPage(), working.Url);
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await SignInForm.OpenAsync(page);
        await SignInForm.SignInAsync(page, email);
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        return page;
    }

    // A notice left as a use case leaves one, and the signal its save raises.
    private async Task NotifyAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Notices.Add(db, [userId], NotificationKind.AgreementComment, "A comment on an agreement", "/notifications", _clock.GetUtcNow());
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<NotificationSignals>().Raise([userId]);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("/Account/Login", RegexOptions.IgnoreCase)]
    private static partial Regex SignInPage();
}
