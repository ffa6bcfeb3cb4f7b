using System.Text.Json;
using Microsoft.Playwright;

namespace ElearningRollout.LoadTests;

/// <summary>
/// Debian's headless Chromium (as the end-to-end tests launch it). Each signed-in person is one browser context; every
/// page opened in it shares its cookies and is one Blazor circuit on the server.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // The user menu's button is on every signed-in page and holds an element reference: once it carries Blazor's _bl_ stamp
    // the circuit has rendered the page interactively (see tests/ElearningRollout.EndToEnd/Infrastructure/BlazorCircuit.cs).
    private const string Interactive =
        """
        () => {
            const element = document.querySelector('[data-testid=user-menu] button');
            return window.Blazor !== undefined && element !== null
                && [...element.attributes].some(attribute => attribute.name.startsWith('_bl_'));
        }
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _address;

    private Browser(IPlaywright playwright, IBrowser browser, Uri address)
    {
        _playwright = playwright;
        _browser = browser;
        _address = address;
    }

    public static async Task<Browser> LaunchAsync(Uri address)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // A hundred tabs share a few renderer processes (memory on the client is not what is measured); background
            // tabs keep their timers so every circuit stays connected as an open tab in a real browser does.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--renderer-process-limit=8",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows"],
        });
        return new Browser(playwright, browser, address);
    }

    /// <summary>A person signed in through the sign-in form; pages opened in the returned context share the cookie.</summary>
    public async Task<IBrowserContext> SignInAsync(string email)
    {
        var context = await ContextAsync(_address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(Tests.Shared.DemoLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.CloseAsync();
        return context;
    }

    /// <summary>A browser context on <paramref name="address"/>, nobody signed in (the bare page's, or a person's before signing in).</summary>
    public async Task<IBrowserContext> ContextAsync(Uri address)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "en-GB" });
        context.SetDefaultTimeout(120_000);
        return context;
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages (a few at a time) and waits until each one's circuit is interactive: by the
    /// product's user menu, or by <paramref name="interactive"/> (a script that says so, for the bare page).
    /// </summary>
    public static async Task<List<IPage>> OpenAsync(IBrowserContext context, Func<int, string> url, int count, int first = 0, string interactive = Interactive)
    {
        var pages = new IPage[count];
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(url(first + i));
                await page.WaitForFunctionAsync(interactive, null, new() { Timeout = 120_000 });
                // Every page measured is a tab in front: one in the background takes no live renders (the dashboard holds
                // them back until it is shown), which would flatter the cost per viewer.
                if (await page.EvaluateAsync<string>("document.visibilityState") != "visible")
                {
                    throw new InvalidOperationException("Chromium reports a page as hidden: the cost per viewer would not be that of tabs people look at.");
                }

                pages[i] = page;
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. pages];
    }

    /// <summary>Leaves each page as a person closing the tab does (Blazor tells the server on page hide), then closes it.</summary>
    public static async Task CloseAsync(IEnumerable<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.GotoAsync("about:blank");
            await page.CloseAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>The figures the server reports about itself (src/ElearningRollout.Web/Hosting/CapacityDiagnostics.cs).</summary>
internal sealed record ServerFigures(int Circuits, long ManagedHeapBytes, long WorkingSetBytes, double ProcessorSeconds, long DashboardComputations, int DashboardViewers);

/// <summary>The capacity diagnostics, called as the signed-in administrator (the endpoints are administrators only).</summary>
internal sealed class Diagnostics(IBrowserContext administrator)
{
    public Task<ServerFigures> ReadAsync() => SendAsync("GET", "diagnostics/capacity");

    /// <summary>A blocking, compacting full collection in the server, then its figures.</summary>
    public Task<ServerFigures> CollectAsync() => SendAsync("POST", "diagnostics/capacity/collect");

    /// <summary>Component instances the server has created so far, by type.</summary>
    public async Task<Dictionary<string, long>> ComponentsCreatedAsync()
    {
        var response = await administrator.APIRequest.FetchAsync("diagnostics/capacity/components", new() { Method = "GET", Timeout = 120_000 });
        return JsonSerializer.Deserialize<Dictionary<string, long>>(await response.TextAsync(), JsonSerializerOptions.Web) ?? [];
    }

    public Task<ServerFigures> SignalGatesChangedAsync() => SendAsync("POST", "diagnostics/capacity/gates-changed");

    /// <summary>Waits until the server counts exactly <paramref name="circuits"/> open circuits (pages closed are let go).</summary>
    public async Task<ServerFigures> WaitForCircuitsAsync(int circuits)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var figures = await ReadAsync();
            if (figures.Circuits == circuits)
            {
                return figures;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The server counts {figures.Circuits} open circuits, not {circuits}, after 2 minutes.");
            }

            await Task.Delay(250);
        }
    }

    private async Task<ServerFigures> SendAsync(string method, string path)
    {
        var response = await administrator.APIRequest.FetchAsync(path, new() { Method = method, Timeout = 120_000 });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"{method} /{path} answered {response.Status}: is Diagnostics:CapacityEndpoints on and the caller an administrator?");
        }

        return JsonSerializer.Deserialize<ServerFigures>(await response.TextAsync(), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"/{path} answered nothing.");
    }
}
