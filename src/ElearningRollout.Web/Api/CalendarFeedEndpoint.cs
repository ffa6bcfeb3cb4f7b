using System.Text;
using ElearningRollout.Application.CalendarFeeds;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /calendar/{secret}.ics: a person's iCalendar feed, for Outlook, Google Calendar or Apple Calendar to subscribe
/// to. Anonymous (a calendar program cannot sign in): the secret in the address is the only authorisation, and an
/// unknown or revoked one gets 404, the same answer as a path that does not exist.
/// </summary>
internal static class CalendarFeedEndpoint
{
    public const string PathPrefix = "/calendar/";

    public static IEndpointConventionBuilder MapCalendarFeed(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(PathPrefix + "{secret}.ics", async (HttpContext http, CalendarFeed feed, string secret) =>
            {
                var calendar = await feed.RenderAsync(secret, http.RequestAborted);
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

    /// <summary>The path with a feed's secret replaced, for logs.</summary>
    public static string Redact(string path)
        => path.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) ? PathPrefix + "(secret).ics" : path;
}
