using System.Net;
using System.Text.RegularExpressions;
using ElearningRollout.Tests.Shared;
using Ical.Net;

namespace ElearningRollout.Web.Tests.Http.Integrations;

/// <summary>The calendar feed over HTTP: created on the profile page (shown once), read anonymously with its address, revoked.</summary>
public sealed partial class CalendarFeedHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public async Task A_feed_created_on_the_profile_page_is_read_anonymously_until_it_is_stopped()
    {
        var client = await SignedInClient.SignInAsync(app, DemoLogins.Training);

        var created = await SignedInClient.PostFormAsync(client, "/Account/Manage", new() { ["_handler"] = "calendar-feed-create" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var url = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups["url"].Value;
        Assert.StartsWith("http://localhost:5080/calendar/elr_cal_", url, StringComparison.Ordinal);
        var path = new Uri(url).AbsolutePath;
        Assert.DoesNotContain(path, await client.GetStringAsync("/Account/Manage"), StringComparison.Ordinal);

        var anonymous = SignedInClient.Anonymous(app);
        var feed = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", feed.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(calendar.Events);
        Assert.All(calendar.Events, e => Assert.StartsWith("http://localhost:5080/", e.Url!.ToString(), StringComparison.Ordinal));

        // Stopping is confirmed first: the form that stops the feed is only on the page that asks.
        Assert.DoesNotContain("Stop the feed now", await client.GetStringAsync("/Account/Manage"), StringComparison.Ordinal);
        Assert.Contains("Stop the feed now", await client.GetStringAsync("/Account/Manage?stop-feed=true"), StringComparison.Ordinal);
        var stopped = await SignedInClient.PostFormAsync(client, "/Account/Manage?stop-feed=true", new() { ["_handler"] = "calendar-feed-revoke" });
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/calendar/elr_cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/calendar/nothing.ics")]
    [InlineData("/calendar/elr_cal_%27%22%3Cscript%3E.ics")]
    public async Task An_unknown_or_malformed_address_is_a_plain_404(string path)
        => Assert.Equal(HttpStatusCode.NotFound, (await SignedInClient.Anonymous(app).GetAsync(path)).StatusCode);

    [GeneratedRegex("id=\"calendar-feed-url\"[^>]*value=\"(?<url>[^\"]+)\"|value=\"(?<url>[^\"]+)\"[^>]*id=\"calendar-feed-url\"")]
    private static partial Regex FeedUrl();
}
