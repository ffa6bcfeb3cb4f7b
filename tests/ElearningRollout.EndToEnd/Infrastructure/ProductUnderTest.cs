using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElearningRollout.EndToEnd.Infrastructure;

/// <summary>
/// The real app on Kestrel (a free port, its own SQLite file, demo accounts seeded) and one headless
/// Debian Chromium, both started once for the whole collection: starting either takes seconds,
/// a browser context per test is cheap and keeps cookies apart.
/// </summary>
public sealed class ProductUnderTest : IAsyncLifetime
{
    // Debian's Chromium; Playwright's own browser download is never used (no internet on CI machines).
    private const string ChromiumPath = "/usr/bin/chromium";

    // The webhook tests' receivers listen on loopback, which the address guard refuses unless allowed; a short send
    // interval so a delivery is seen within the test's patience.
    private readonly ProductAppFactory _app = new()
    {
        Settings =
        {
            ["Integrations:AllowPrivateWebhookAddresses"] = "true",
            ["Integrations:WebhookSendSeconds"] = "2",
        },
    };
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    /// <summary>The running app's services: its database and Data Protection keys, for what a test sends as the app would (an e-mail).</summary>
    public IServiceProvider Services => _app.Services;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = BoundAddress(_app);
        (_playwright, _browser) = await LaunchChromiumAsync();
    }

    /// <summary>
    /// One more person with the demo password (the demo portfolio has two IT leads; a stand-in who reviews nothing else
    /// needs a third). Made as the demo accounts are, through Identity; returns at once if the account exists.
    /// </summary>
    public async Task AddPersonAsync(string email, string displayName, string department, params string[] roles)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ElearningRollout.Application.Identity.ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var factory = scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ElearningRollout.Application.Persistence.ElearningRolloutDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var departmentId = db.Departments.Where(d => d.Name == department).Select(d => d.Id).Single();
        var user = new ElearningRollout.Application.Identity.ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, DepartmentId = departmentId,
        };
        Assert.True((await users.CreateAsync(user, DemoLogins.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
    }

    /// <summary>A fresh context (no cookies, no storage) so one test's sign-in never leaks into another.</summary>
    public Task<IBrowserContext> NewContextAsync() => NewContextAsync(Browser, BaseAddress);

    /// <summary>Debian's headless Chromium, as every browser test drives it (also the single sign-on collection's).</summary>
    internal static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchChromiumAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's package (apt-get install -y chromium) or run .ci/run, which does.");
        }

        // A cold circuit on a busy two-core CI machine can take longer than Playwright's 5 s default. Under a heavy load
        // (the end-to-end suite beside builds and other test projects) single steps took over 15 s; a person would wait.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    /// <summary>A fresh context on <paramref name="baseAddress"/>: a laptop's viewport, British English, reduced motion.</summary>
    internal static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-GB",
            // Fewer animations to be caught half-way by the accessibility audit (the audit also waits for the rest).
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        return context;
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

    // Port 0 lets Kestrel pick a free port; the address it really bound is only known once it listens.
    internal static Uri BoundAddress(ProductAppFactory app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel reported no http address (got: {string.Join(", ", addresses)}).");
        return new Uri(address);
    }
}

[CollectionDefinition(Name)]
public sealed class ProductCollection : ICollectionFixture<ProductUnderTest>
{
    public const string Name = "Product in a browser";
}
