using ElearningRollout.Application.Gates.ReviewLinks;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api;

/// <summary>
/// GET /reviews/link?t={token}: the "decide from the e-mail" link. The token travels in the query string, which the
/// request log (Serilog's, path only) leaves out, so it is never written to a log. Signing in comes first (an anonymous request is sent
/// to sign in and back here, so a mail scanner that follows the link uses nothing); then the link is used up and the
/// reviewer lands on the gate's page, where deciding is a form like any other. A GET never decides anything. A link
/// that is not valid, expired, already used or someone else's lands on a page in the shell that says which.
/// </summary>
internal static class ReviewLinkEndpoint
{
    public const string RefusedPage = "/reviews/link/refused";

    public static void MapReviewLinks(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(ReviewLinkIssuer.Path, async (HttpContext http, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "t")] string? token, ReviewLinkCommands links, AuthenticationStateProvider authentication) =>
            {
                authentication.UseRequestUser(http);
                // The address carries the token: never cached, never sent on as a referrer.
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers["Referrer-Policy"] = "no-referrer";
                var outcome = await links.OpenAsync(token ?? "", http.RequestAborted);
                return outcome.GateId is { } gateId
                    ? Results.Redirect($"/gates/{gateId}")
                    : Results.Redirect($"{RefusedPage}?reason={outcome.Refusal}");
            })
            .RequireAuthorization();
}
