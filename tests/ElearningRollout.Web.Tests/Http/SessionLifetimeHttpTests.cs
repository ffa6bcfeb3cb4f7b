using System.Net;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>The sign-in cookie: 30 minutes idle, 12 hours at most however active; the whole app runs on a fake clock.</summary>
public sealed class SessionLifetimeHttpTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ProductAppFactory _app;

    public SessionLifetimeHttpTests() => _app = new ProductAppFactory { Clock = _clock };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_keep_alive_runs_only_on_signed_in_pages_never_on_the_sign_in_page()
    {
        // Before sign-in the keep-alive could only be refused: a 401 logged in the browser's console on the sign-in page.
        var anonymous = SignedInClient.Anonymous(_app);
        var signInPage = await anonymous.GetStringAsync("/Account/Login");
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);
        var rollouts = await client.GetStringAsync("/rollouts");

        Assert.DoesNotContain("session-keepalive", signInPage, StringComparison.Ordinal);
        Assert.Contains("session-keepalive", rollouts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_minutes_without_a_request_end_the_sign_in()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);

        _clock.Advance(TimeSpan.FromMinutes(29));
        var stillIn = await KeepAliveAsync(client);
        _clock.Advance(TimeSpan.FromMinutes(29));
        var slid = await KeepAliveAsync(client);
        _clock.Advance(SessionLifetime.Idle + TimeSpan.FromMinutes(1));
        var idle = await client.GetAsync("/");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (stillIn, slid));
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/Account/Login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task However_active_a_sign_in_ends_after_twelve_hours()
    {
        var client = await SignedInClient.SignInAsync(_app, DemoLogins.Training);
        var active = TimeSpan.Zero;
        while (active + TimeSpan.FromMinutes(20) < SessionLifetime.Absolute)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            active += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.NoContent, await KeepAliveAsync(client));
        }

        _clock.Advance(SessionLifetime.Absolute - active + TimeSpan.FromMinutes(1));

        Assert.NotEqual(HttpStatusCode.NoContent, await KeepAliveAsync(client));
        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> KeepAliveAsync(HttpClient client)
        => (await client.PostAsync("/Account/KeepAlive", content: null)).StatusCode;
}
