using System.Security.Claims;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ElearningRollout.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the static account pages post to (sign-out needs a real POST with antiforgery).</summary>
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            HttpContext http,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] SingleSignOnSettings singleSignOn,
            [FromServices] SignInAudit audit,
            [FromForm] string? returnUrl) =>
        {
            // Signed in through the provider (Identity records the login provider as the authentication method)?
            var throughProvider = singleSignOn.Enabled
                && http.User.HasClaim(ClaimTypes.AuthenticationMethod, SingleSignOnSettings.Scheme);
            // Read before signing out, which ends the session the claims come from; a post without a session ends nothing.
            var userId = signInManager.UserManager.GetUserId(http.User);
            await signInManager.SignOutAsync();
            if (userId is not null)
            {
                await audit.RecordAsync(userId, http.User.FindFirstValue(ProductClaimTypes.DisplayName), SignInOutcome.SignedOut,
                    http.Connection.RemoteIpAddress?.ToString());
            }

            // Only this app's paths: a sign-out link must never become an open redirect; anything else goes home.
            var target = string.IsNullOrEmpty(returnUrl) ? "/Account/Login"
                : LocalUrl.IsLocal(returnUrl) && returnUrl.StartsWith('/') ? returnUrl
                : "/";
            if (throughProvider && singleSignOn.SignOutAtProvider)
            {
                // The provider's end-session endpoint, then back here: the next "Sign in with ..." asks again.
                return Results.SignOut(new AuthenticationProperties { RedirectUri = target }, [SingleSignOnSettings.Scheme]);
            }

            return Results.LocalRedirect($"~{target}");
        });

        accountGroup.MapExternalSignIn();

        // The session keep-alive script posts here while the person works in an interactive page; answering
        // through the cookie handler slides the cookie's idle window. Nothing else happens.
        accountGroup.MapPost("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();

        return accountGroup;
    }
}
