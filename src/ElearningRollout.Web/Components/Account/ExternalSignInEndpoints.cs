using System.Security.Claims;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Identity;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ElearningRollout.Web.Components.Account;

/// <summary>
/// Single sign-on's two steps on the product's side. <c>POST /Account/ExternalLogin</c> (the "Sign in with ..." button,
/// antiforgery-checked) sends the browser to the provider; the OpenID Connect handler checks the answer at
/// <c>/signin-oidc</c> (signature, issuer, audience, expiry, nonce, state, PKCE) and keeps the person in Identity's
/// external cookie; <c>GET /Account/ExternalLoginCallback</c> applies the product's rules (<see cref="ExternalSignIn"/>)
/// and signs in with the product's own cookie, through the second-factor step where the account has one.
/// </summary>
internal static class ExternalSignInEndpoints
{
    public const string ErrorQuery = "externalError";

    public static void MapExternalSignIn(this RouteGroupBuilder account)
    {
        account.MapPost("/ExternalLogin", (
            HttpContext http,
            [FromServices] SingleSignOnSettings settings,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            if (!settings.Enabled)
            {
                return Results.LocalRedirect("~/Account/Login");
            }

            var callback = $"/Account/ExternalLoginCallback?returnUrl={Uri.EscapeDataString(LocalReturnUrl(returnUrl))}";
            var properties = signInManager.ConfigureExternalAuthenticationProperties(SingleSignOnSettings.Scheme, callback);
            return Results.Challenge(properties, [SingleSignOnSettings.Scheme]);
        }).RequireRateLimiting(SignInRateLimit.Policy);

        account.MapGet("/ExternalLoginCallback", async (
            HttpContext http,
            [FromServices] SingleSignOnSettings settings,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] ExternalSignIn rules,
            [FromServices] SignInAudit audit,
            [FromServices] ILoggerFactory loggers,
            [FromQuery] string? returnUrl) =>
        {
            var clientAddress = http.Connection.RemoteIpAddress?.ToString();
            var info = settings.Enabled ? await signInManager.GetExternalLoginInfoAsync() : null;
            if (info is null)
            {
                // No external cookie: the callback was opened directly, or the cookie expired on the way.
                return Results.LocalRedirect(LoginWithError(ExternalSignInRefusal.ProviderAnswerInvalid));
            }

            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var identity = Read(info.Principal, info.LoginProvider, info.ProviderKey, settings);
            var decision = await rules.ResolveAccountAsync(identity, settings.Rules, clientAddress, http.RequestAborted);
            if (!decision.Accepted)
            {
                return Results.LocalRedirect(LoginWithError(decision.Refusal!.Value));
            }

            var account = decision.Account!;
            var result = await signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
            var details = new { Provider = info.LoginProvider, ClientAddress = clientAddress };
            if (result.Succeeded)
            {
                await audit.RecordAsync(account.Id, account.DisplayName, SignInOutcome.SignedInWithProvider, details, http.RequestAborted);
                loggers.CreateLogger(typeof(ExternalSignInEndpoints)).LogInformation("User {UserId} signed in with {Provider}", account.Id, info.LoginProvider);
                return Results.LocalRedirect($"~{LocalReturnUrl(returnUrl)}");
            }

            if (result.RequiresTwoFactor)
            {
                // The product's own second factor, as after a password: the provider's word alone never makes an administrator.
                await audit.RecordAsync(account.Id, account.DisplayName, SignInOutcome.ProviderAccepted, details, http.RequestAborted);
                return Results.LocalRedirect($"~/Account/LoginWith2fa?returnUrl={Uri.EscapeDataString(LocalReturnUrl(returnUrl))}");
            }

            if (result.IsLockedOut)
            {
                await audit.RecordAsync(account.Id, account.DisplayName, SignInOutcome.LockedOut, details, http.RequestAborted);
                return Results.LocalRedirect("~/Account/Lockout");
            }

            await audit.RecordAsync(account.Id, account.DisplayName, SignInOutcome.ProviderSignInRefused,
                new { Provider = info.LoginProvider, Reason = "NotAllowed", ClientAddress = clientAddress }, http.RequestAborted);
            return Results.LocalRedirect(LoginWithError(ExternalSignInRefusal.AccountDisabled));
        });
    }

    /// <summary>The provider's answer failed a protocol check (bad signature, wrong audience, expired, wrong nonce, lost state): no session.</summary>
    public static async Task RefuseFailedAnswerAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalSignInEndpoints))
            .LogWarning("Single sign-on answer refused: {Reason}", context.Failure?.Message);
        await http.RequestServices.GetRequiredService<SignInAudit>().RecordAsync(null, null, SignInOutcome.ProviderSignInRefused,
            new { Provider = context.Scheme.Name, Reason = nameof(ExternalSignInRefusal.ProviderAnswerInvalid), Detail = ProtocolReason(context.Failure), ClientAddress = http.Connection.RemoteIpAddress?.ToString() },
            http.RequestAborted);
        http.Response.Redirect(LoginWithError(ExternalSignInRefusal.ProviderAnswerInvalid)[1..]);
    }

    /// <summary>The person cancelled at the provider (or it refused them): back to the sign-in page, said plainly.</summary>
    public static async Task RefuseDeniedAsync(AccessDeniedContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        await http.RequestServices.GetRequiredService<SignInAudit>().RecordAsync(null, null, SignInOutcome.ProviderSignInRefused,
            new { Provider = context.Scheme.Name, Reason = "AccessDenied", ClientAddress = http.Connection.RemoteIpAddress?.ToString() },
            http.RequestAborted);
        http.Response.Redirect(LoginWithError(ExternalSignInRefusal.ProviderAnswerInvalid)[1..]);
    }

    /// <summary>The sign-in page's message for an <see cref="ErrorQuery"/> value; null for none or an unknown one.</summary>
    public static string? Message(string? error, SingleSignOnSettings settings)
        => Enum.TryParse<ExternalSignInRefusal>(error, ignoreCase: false, out var refusal) && Enum.IsDefined(refusal)
            ? ExternalSignInResult.Message(refusal, settings.DisplayName)
            : null;

    /// <summary>The provider's claims, read through the configured claim names.</summary>
    public static ExternalIdentity Read(ClaimsPrincipal principal, string provider, string subject, SingleSignOnSettings settings)
    {
        var names = settings.Claims;
        string? First(string type) => principal.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
        var verified = First(names.EmailVerified);
        return new ExternalIdentity(
            provider,
            settings.DisplayName,
            subject,
            First(names.Email),
            string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase),
            First(names.Name),
            principal.FindAll(names.Roles).Concat(principal.FindAll(names.Groups)).Select(c => c.Value).ToList(),
            First(names.Department));
    }

    private static string LoginWithError(ExternalSignInRefusal refusal) => $"~/Account/Login?{ErrorQuery}={refusal}";

    private static string LocalReturnUrl(string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && LocalUrl.IsLocal(returnUrl) && returnUrl.StartsWith('/') ? returnUrl : "/";

    // The audit keeps the kind of failure (IDX code or the handler's words), never a token.
    private static string ProtocolReason(Exception? failure)
        => failure switch
        {
            null => "unknown",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => "wrong audience",
            Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "expired",
            Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException => "bad signature",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => "wrong issuer",
            Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectProtocolInvalidNonceException => "wrong nonce",
            _ => failure.GetType().Name,
        };
}
