using System.Text;
using System.Text.RegularExpressions;
using ElearningRollout.Application.CalendarFeeds;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /calendar/{secret}.ics: a person's iCalendar feed, for Outlook, Google Calendar or Apple Calendar to subscribe
/// to. Anonymous (a calendar program cannot sign in): the secret in the address is the only authorisation, and an
/// unknown or revoked one gets 404, the same answer as a path that does not exist.
/// </summary>
internal static partial class CalendarFeedEndpoint
{
    public const string PathPrefix = "/calendar/";

    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(PathPrefix + "{secret}.ics", async (HttpContext http, CalendarFeed feed, string secret) =>
            {
                var calendar = await feed.RenderAsync(secret, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
                if (calendar is null)
                {
                    return Results.NotFound();
                }

                // The feed names people's work: no shared cache keeps it.
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(calendar, "text/calendar; charset=utf-8", Encoding.UTF8);
            })
            .AllowAnonymous()
            .DisableAntiforgery();

    /// <summary>
    /// The text (a path, an address, a message) with every feed secret in it replaced, for logs: the one rule of the
    /// request log and of <see cref="Hosting.SecretRedaction"/>, which applies it to every log event.
    /// </summary>
    public static string Redact(string text)
        => text.Contains(PathPrefix, StringComparison.OrdinalIgnoreCase) ? FeedSecret().Replace(text, PathPrefix + "(secret)") : text;

    // What follows /calendar/ up to the next separator: a secret is base64url, so ".ics" and any query stay as they were.
    [GeneratedRegex(@"/calendar/[^/?#.\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FeedSecret();
}
