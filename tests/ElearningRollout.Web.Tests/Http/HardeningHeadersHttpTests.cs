using System.Net;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>Issue 14, item 12: what the app tells browsers over HTTPS in Production, and what Kestrel does not tell anyone.</summary>
public sealed class HardeningHeadersHttpTests : IAsyncLifetime
{
    private readonly ProductAppFactory _app = new() { EnvironmentName = "Production" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Https() => _app.CreateClient(new WebApplicationFactoryClientOptions
    {
        // Not localhost: the HSTS middleware leaves loopback names alone.
        BaseAddress = new Uri("https://rollouts.example.test"),
        AllowAutoRedirect = false,
    });

    [Fact]
    public async Task Websockets_may_only_go_back_to_the_app_itself()
    {
        var response = await Https().GetAsync("/Account/Login");

        var connectSrc = string.Join(" ", response.Headers.GetValues("Content-Security-Policy")).Split(';')
            .Select(d => d.Trim()).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal));
        Assert.Equal("connect-src 'self'", connectSrc);
    }

    [Fact]
    public async Task Https_responses_carry_a_one_year_hsts_for_subdomains_too()
    {
        var response = await Https().GetAsync("/Account/Login");

        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Equal("max-age=31536000; includeSubDomains", hsts);
    }

    [Fact]
    public async Task The_antiforgery_cookie_is_secure_over_https()
    {
        var response = await Https().GetAsync("/Account/Login");

        var antiforgery = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself()
    {
        await using var app = new ProductAppFactory { EnvironmentName = "Production" };
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), "Server: " + string.Join(",", response.Headers.Server));
    }
}
