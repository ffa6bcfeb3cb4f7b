using System.Collections.Concurrent;
using System.Net;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.CalendarFeeds;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ElearningRollout.Web.Tests.Http.Integrations;

/// <summary>
/// A calendar feed's address is its credential: it never reaches the log, even on events logged during a feed request
/// (which carry the hosting scope's RequestPath), and a refused address is audited without it.
/// </summary>
[Collection(LogCapture.Name)]
public sealed class CalendarFeedSecretHttpTests : IAsyncLifetime
{
    private readonly ProductAppFactory _product = new();
    private readonly CollectingSink _log = new();
    private WebApplicationFactory<Program> _app = null!;

    public Task InitializeAsync()
    {
        // Serilog takes further sinks from the services (ReadFrom.Services), after the product's own enrichers.
        _app = _product.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(_log)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _product.DisposeAsync();

    [Fact]
    public async Task A_feed_request_that_fails_for_want_of_the_database_logs_errors_without_the_secret()
    {
        var (secret, _) = await FeedAsync(revoked: false);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(CalendarFeedToken.PathOf(secret))).StatusCode);

        var aside = _product.DatabasePath + ".away";
        File.Move(_product.DatabasePath, aside);
        try
        {
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync(CalendarFeedToken.PathOf(secret))).StatusCode);
        }
        finally
        {
            File.Delete(_product.DatabasePath);
            File.Move(aside, _product.DatabasePath);
        }

        // The failure was logged, with the request's scope on it (so the test sees what a file sink would write) ...
        var duringRequest = _log.Events.Where(e => e.Level >= LogEventLevel.Warning && e.Properties.ContainsKey("RequestId")).ToList();
        Assert.True(duringRequest.Count > 0, "No warning with the request's scope; logged:\n" + string.Join("\n", _log.Events.Select(Written)));
        Assert.Contains(duringRequest, e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString().Contains("/calendar/(secret).ics", StringComparison.Ordinal));
        // ... and no event holds the secret anywhere: message, properties or exception.
        var leaking = _log.Events.Select(Written).Where(text => text.Contains(secret[CalendarFeedToken.SecretPrefix.Length..], StringComparison.Ordinal)).ToList();
        Assert.True(leaking.Count == 0, "The secret reached the log:\n" + string.Join("\n", leaking));
    }

    [Fact]
    public async Task An_unknown_or_revoked_address_is_a_404_and_audited_with_the_reason_never_the_secret()
    {
        var (revoked, token) = await FeedAsync(revoked: true);
        var unknown = CalendarFeedToken.NewSecret();
        var client = _app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarFeedToken.PathOf(revoked))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(CalendarFeedToken.PathOf(unknown))).StatusCode);

        await using var db = await DbAsync();
        var refusals = await db.AuditEntries.AsNoTracking().Where(a => a.Action == CalendarFeed.RefusedAction).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            [(nameof(CalendarFeedToken), token.Id.ToString(), token.UserId, "revoked feed address"), (nameof(CalendarFeedToken), "unknown", null, "unknown feed address")],
            refusals.Select(a => (a.EntityType, a.EntityId, a.UserId, System.Text.Json.JsonDocument.Parse(a.After!).RootElement.GetProperty("Reason").GetString())));
        Assert.Contains("ClientAddress", refusals[0].After, StringComparison.Ordinal);
        Assert.False(await db.AuditEntries.AnyAsync(a => (a.After != null && (a.After.Contains(revoked) || a.After.Contains(unknown))) || a.EntityId == revoked),
            "The secret is never written to the trail.");
    }

    /// <summary>A feed of the demo training manager's, straight in the database: its secret and its row.</summary>
    private async Task<(string Secret, CalendarFeedToken Token)> FeedAsync(bool revoked)
    {
        await using var db = await DbAsync();
        var userId = await db.Users.Where(u => u.Email == DemoLogins.Training).Select(u => u.Id).SingleAsync();
        var secret = CalendarFeedToken.NewSecret();
        var token = new CalendarFeedToken
        {
            Id = Guid.NewGuid(), UserId = userId, SecretHash = CalendarFeedToken.HashOf(secret), CreatedAt = DateTimeOffset.UtcNow,
            RevokedAt = revoked ? DateTimeOffset.UtcNow : null,
        };
        db.CalendarFeedTokens.Add(token);
        await db.SaveChangesAsync();
        return (secret, token);
    }

    private async Task<ElearningRolloutDbContext> DbAsync()
        => await _app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();

    /// <summary>Everything a sink could write of the event.</summary>
    private static string Written(LogEvent e)
        => $"{e.RenderMessage()} {string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}";

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}

/// <summary>Tests that read the app's log run alone: with other apps starting in parallel the request scope was seen missing from its events.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LogCapture
{
    public const string Name = "Log capture";
}
