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

    private readonly ProductAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: install Debian's package (apt-get install -y chromium) or run .ci/run, which does.");
        }

        _app.UseKestrel(0);
        _app.StartServer();
        BaseAddress = BoundAddress();

        // A cold circuit on a busy two-core CI machine can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context (no cookies, no storage) so one test's sign-in never leaks into another.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-GB",
            // Fewer animations to be caught half-way by the accessibility audit (the audit also waits for the rest).
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
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
    private Uri BoundAddress()
    {
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
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
