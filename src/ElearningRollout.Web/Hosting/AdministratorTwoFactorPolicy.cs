using System.Security.Claims;
using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// The web side of <see cref="AdministratorTwoFactor"/>: the "Administrator" policy on the /admin pages needs the
/// role and, where required, a sign-in with two factors; an administrator without it is sent to set it up
/// (<see cref="SetUpPath"/>) instead of being shown "Access denied".
/// </summary>
public sealed class AdministratorTwoFactorPolicy(bool required)
{
    public const string Name = "Administrator";
    public const string SetUpPath = "/Account/Manage/TwoFactorAuthentication?administrator=required";

    public bool Required => required;

    public bool SignedInWithTwoFactor(ClaimsPrincipal user)
        => user.HasClaim(AdministratorTwoFactor.AuthenticationMethodClaim, AdministratorTwoFactor.MultiFactor);

    /// <summary>An administrator who must still sign in with two factors before using administration.</summary>
    public bool MustSetUp(ClaimsPrincipal user) => required && user.IsInRole(Roles.Administrator) && !SignedInWithTwoFactor(user);

    public static IServiceCollection AddAdministratorTwoFactor(IServiceCollection services, IConfiguration configuration)
    {
        var policy = new AdministratorTwoFactorPolicy(configuration.GetValue(AdministratorTwoFactor.RequiredSetting, defaultValue: true));
        services.AddSingleton(policy);
        services.AddAuthorizationBuilder().AddPolicy(Name, p => p
            .RequireRole(Roles.Administrator)
            .RequireAssertion(context => !policy.MustSetUp(context.User)));

        // The security stamp check rebuilds the principal every few minutes; keep how the person signed in.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                // amr ("mfa") and, for single sign-on, the login provider (sign-out at the provider looks for it).
                foreach (var method in context.CurrentPrincipal?.FindAll(c => c.Type is AdministratorTwoFactor.AuthenticationMethodClaim or ClaimTypes.AuthenticationMethod) ?? [])
                {
                    identity.AddClaim(new Claim(method.Type, method.Value));
                }
            }

            return Task.CompletedTask;
        });
        return services;
    }

    /// <summary>HTTP requests for an /admin page by an administrator without two factors go to the set-up page.</summary>
    public static Task RedirectToAccessDeniedOrSetUp(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        var policy = context.HttpContext.RequestServices.GetRequiredService<AdministratorTwoFactorPolicy>();
        context.Response.Redirect(policy.MustSetUp(context.HttpContext.User) ? SetUpPath : context.RedirectUri);
        return Task.CompletedTask;
    }
}
