using ElearningRollout.EndToEnd.Infrastructure;
using ElearningRollout.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Provider = ElearningRollout.TestIdentityProvider.TestIdentityProvider;

namespace ElearningRollout.EndToEnd;

/// <summary>
/// The product with single sign-on configured (just-in-time accounts, app roles mapped), on Kestrel next to the test
/// OpenID Connect provider, and one headless Chromium: a person goes through the provider's page as they would
/// through their company's.
/// </summary>
public sealed class SingleSignOnUnderTest : IAsyncLifetime
{
    private ProductAppFactory _app = default!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Provider IdentityProvider { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        IdentityProvider = await Provider.StartAsync();
        var settings = IdentityProvider.ProductSettings("Company account");
        settings["Authentication:Oidc:CreateAccounts"] = "true";
        settings["Authentication:Oidc:RoleMap:Rollout.Executive"] = "Executive";
        settings["Authentication:Oidc:RoleMap:Rollout.Trainer"] = "TrainingManager";
        _app = new ProductAppFactory { Settings = settings };
        _app.UseKestrel(0);
        _app.StartServer();
        // localhost rather than 127.0.0.1: the handler's correlation and nonce cookies are Secure, which Chromium accepts on http://localhost.
        BaseAddress = new UriBuilder(ProductUnderTest.BoundAddress(_app)) { Host = "localhost" }.Uri;

        // A running installation has the provider's metadata and keys cached, and the provider has served requests
        // before: fetch them once here, so the first click does not wait for cold start-up on a busy machine.
        await _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>>()
            .Get("oidc").ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);

        (_playwright, _browser) = await ProductUnderTest.LaunchChromiumAsync();
    }

    public Task<IBrowserContext> NewContextAsync() => ProductUnderTest.NewContextAsync(Browser, BaseAddress);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
        await IdentityProvider.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SingleSignOnCollection : ICollectionFixture<SingleSignOnUnderTest>
{
    public const string Name = "Product with single sign-on in a browser";
}

/// <summary>Issue 15: signing in with the company account, in Chromium, through the provider's own page.</summary>
[Collection(SingleSignOnCollection.Name)]
public sealed class SingleSignOnTests(SingleSignOnUnderTest product) : IAsyncLifetime
{
    private IBrowserContext _context = default!;

    public async Task InitializeAsync() => _context = await product.NewContextAsync();

    public async Task DisposeAsync() => await _context.CloseAsync();

    [Fact]
    public async Task A_new_executive_signs_in_with_the_company_account_lands_with_the_mapped_role_and_department_and_signs_out()
    {
        const string testName = nameof(A_new_executive_signs_in_with_the_company_account_lands_with_the_mapped_role_and_department_and_signs_out);
        var page = await _context.NewPageAsync();
        var audit = new AccessibilityAudit();
        await SignInForm.OpenAsync(page);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Company account" });
        await Expect(button).ToBeVisibleAsync();
        await audit.CheckAsync(page, "sign-in with single sign-on");
        await PageEvidence.ScreenshotAsync(page, testName, "sign-in");

        // Each hop to or from the provider is a round of server-to-server calls (discovery, token): on a busy two-core
        // machine the first ones can take longer than the default 15 seconds, and a person would wait for them.
        var hop = TimeSpan.FromSeconds(60).TotalMilliseconds;
        await button.ClickAsync(new() { Timeout = (float)hop });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test identity provider" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("esther.sso@elearning.test");
        await page.GetByLabel("Name").FillAsync("Esther Single");
        await page.GetByLabel("App roles (comma-separated)").FillAsync("Rollout.Executive");
        await page.GetByLabel("Department").FillAsync("Leadership");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(new() { Timeout = (float)hop });

        await page.WaitForURLAsync(url => url.StartsWith(product.BaseAddress.ToString(), StringComparison.Ordinal) && !url.Contains("/Account/", StringComparison.Ordinal), new() { Timeout = (float)hop });
        await BlazorCircuit.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByText("Leadership department")).ToBeVisibleAsync();
        var dashboard = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Sign-off dashboard" });
        await Expect(dashboard).ToBeVisibleAsync();
        await PageEvidence.ScreenshotAsync(page, testName, "home");

        await dashboard.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign-off dashboard");

        await page.GetByTestId("user-menu").ClickAsync();
        await Expect(page.GetByTestId("user-roles")).ToHaveTextAsync("Executive");
        await page.GetByTestId("sign-out").ClickAsync(new() { Timeout = (float)hop });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        Assert.True(product.IdentityProvider.EndSessionRequests >= 1);

        await page.GotoAsync("/dashboard");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        audit.AssertNoSeriousViolations();
    }
}
