using System.Net;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http;

/// <summary>
/// The database goes away and comes back (issue "Security and reliability", faults): health says so, a page that needs
/// the database shows the friendly error with a reference and no stack trace, and the app recovers by itself.
/// Production, because Development shows the developer exception page on purpose.
/// </summary>
public sealed class DatabaseFaultHttpTests : IAsyncLifetime
{
    private readonly ProductAppFactory _app = new() { EnvironmentName = "Production" };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Without_the_database_health_and_readiness_are_unhealthy_liveness_is_not_pages_fail_politely_and_all_recover()
    {
        var client = SignedInClient.Anonymous(_app);
        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        var aside = _app.DatabasePath + ".away";

        // The connection string has no pooling, so the next connection opens the path anew: SQLite then finds an empty
        // file where the database was, as after a lost volume.
        File.Move(_app.DatabasePath, aside);
        try
        {
            var health = await client.GetAsync("/health");
            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");
            var signIn = await SignedInClient.PostLoginAsync(client, "someone@example.test", "a password of some length");
            var page = await signIn.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.InternalServerError, signIn.StatusCode);
            Assert.Contains("data-testid=\"correlation-id\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("SqliteException", page, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ElearningRollout", page, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_app.DatabasePath);
            File.Move(aside, _app.DatabasePath);
        }

        Assert.Equal("Healthy", await client.GetStringAsync("/health"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
        var again = await SignedInClient.PostLoginAsync(client, "someone@example.test", "a password of some length");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
