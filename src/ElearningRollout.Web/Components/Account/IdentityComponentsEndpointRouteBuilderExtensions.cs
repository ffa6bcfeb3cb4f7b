using ElearningRollout.Application.Identity;
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
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            // Only this app's paths: a sign-out link must never become an open redirect; anything else goes home.
            var target = string.IsNullOrEmpty(returnUrl) ? "/Account/Login"
                : LocalUrl.IsLocal(returnUrl) && returnUrl.StartsWith('/') ? returnUrl
                : "/";
            return TypedResults.LocalRedirect($"~{target}");
        });

        // The session keep-alive script posts here while the person works in an interactive page; answering
        // through the cookie handler slides the cookie's idle window. Nothing else happens.
        accountGroup.MapPost("/KeepAlive", () => TypedResults.NoContent()).RequireAuthorization();

        return accountGroup;
    }
}
