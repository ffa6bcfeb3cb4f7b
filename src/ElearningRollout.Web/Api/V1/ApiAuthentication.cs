using System.Security.Claims;
using System.Text.Encodings.Web;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Api.V1;

/// <summary>
/// The REST API's credentials as authentication schemes. Neither is the default scheme: only /api/v1 names them
/// (<see cref="Policy"/>), so a token is worth nothing on the app's pages, and a sign-in cookie nothing on /api/v1
/// (which also keeps a browser's cookie from being used for a cross-site write). <see cref="SchemeName"/> picks the
/// scheme by the token's form: a personal access token starts with <see cref="ApiToken.SecretPrefix"/>, anything
/// else is taken for an OAuth access token (a JWT) from the organisation's provider, when one is configured.
/// </summary>
internal static class ApiAuthentication
{
    public const string SchemeName = "ApiBearer";
    public const string PersonalTokenScheme = "ApiPersonalToken";
    public const string OAuthScheme = "ApiOAuth";
    public const string Policy = "api";
    public const string ScopeClaim = "api_scope";
    public const string CredentialClaim = "api_credential";
    private static readonly object CallerKey = new();

    /// <summary>Whom the request's credentials speak for; set once a scheme accepted them.</summary>
    public static ApiCaller CallerOf(HttpContext http)
        => http.Items[CallerKey] as ApiCaller ?? throw new InvalidOperationException("The REST API runs only behind its bearer schemes.");

    /// <summary>
    /// The principal the screens' rules read (<c>PrincipalCurrentActor</c>): the account's own claims, made as a sign-in
    /// makes them (roles, department, security stamp, so <c>AccountStanding</c> applies), narrowed to the credentials:
    /// without <see cref="ApiCaller.MayActAsAdministrator"/> the Administrator role is taken away; with it, the token
    /// carries the two-factor mark of the session that created it (<c>ApiToken.ActsAsAdministrator</c>).
    /// </summary>
    public static async Task<ClaimsPrincipal?> PrincipalAsync(HttpContext http, ApiCaller caller, string scheme)
    {
        var users = http.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(caller.UserId) is not { } user)
        {
            return null;
        }

        var made = await http.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(user);
        var roleType = (made.Identity as ClaimsIdentity)?.RoleClaimType ?? ClaimTypes.Role;
        var claims = made.Claims.Where(c => caller.MayActAsAdministrator || c.Type != roleType || c.Value != Roles.Administrator).ToList();
        if (caller.MayActAsAdministrator)
        {
            claims.Add(new Claim(AdministratorTwoFactor.AuthenticationMethodClaim, AdministratorTwoFactor.MultiFactor));
        }

        claims.Add(new Claim(ScopeClaim, caller.Scope.ToString()));
        claims.Add(new Claim(CredentialClaim, caller.TokenId?.ToString() ?? caller.CredentialName));
        http.Items[CallerKey] = caller;
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, roleType));
    }

    /// <summary>A 401 as problem details, the same for a missing, unknown, revoked or expired token.</summary>
    public static Task ChallengeAsync(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"api\"";
        return ApiProblems.Write(http, StatusCodes.Status401Unauthorized, "Authentication required",
            "Send a valid bearer token: a personal access token from your profile page (Profile, API tokens), or an access token of an OAuth client the administrators configured. A revoked or expired token, or one of a disabled account, is refused.");
    }
}

/// <summary>Personal access tokens: the application checks them (<see cref="ApiTokenAuthentication"/>: hash, revocation, expiry, account standing, audit of refusals).</summary>
internal sealed class PersonalTokenHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenAuthentication tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (BearerHeader.Read(Request, out var secret))
        {
            case BearerHeader.Outcome.None:
                return AuthenticateResult.NoResult();
            case BearerHeader.Outcome.Malformed:
                return AuthenticateResult.Fail("Malformed API token.");
        }

        var caller = await tokens.AuthenticateAsync(secret, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (caller is null || await ApiAuthentication.PrincipalAsync(Context, caller, Scheme.Name) is not { } principal)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ApiAuthentication.ChallengeAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "These credentials may not do that.");
}
