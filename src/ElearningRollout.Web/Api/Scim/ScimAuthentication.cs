using System.Security.Claims;
using System.Text.Encodings.Web;
using ElearningRollout.Application.Identity.Provisioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// The SCIM bearer token as an authentication scheme. It is never the default scheme: only the /scim/v2 endpoints name
/// it (<see cref="Policy"/>), so a token is worth nothing on the app's pages, and a sign-in cookie nothing on /scim/v2.
/// The application checks the token (<see cref="ScimTokenAuthentication"/>: hash, revocation, expiry, audit of
/// refusals); the accepted <see cref="ScimClient"/> travels with the request to the endpoints.
/// </summary>
internal sealed class ScimAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScimTokenAuthentication tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScimBearer";
    public const string Policy = "scim";
    private const string TokenIdClaim = "scim_token_id";
    private static readonly object ClientKey = new();

    /// <summary>The identity provider the request's token speaks for; set once the scheme accepted it.</summary>
    public static ScimClient ClientOf(HttpContext http)
        => http.Items[ClientKey] as ScimClient ?? throw new InvalidOperationException("The SCIM endpoints run only behind the SCIM scheme.");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (BearerHeader.Read(Request, out var secret))
        {
            case BearerHeader.Outcome.None:
                return AuthenticateResult.NoResult();
            case BearerHeader.Outcome.Malformed:
                return AuthenticateResult.Fail("Malformed SCIM token.");
        }

        var client = await tokens.AuthenticateAsync(secret, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired SCIM token.");
        }

        Context.Items[ClientKey] = client;
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, client.AuditName), new Claim(TokenIdClaim, client.TokenId.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A 401 in SCIM's error format, the same for a missing, unknown, revoked or expired token.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"scim\"";
        await ScimResults.Error(StatusCodes.Status401Unauthorized, null,
            "A valid SCIM bearer token is required. An administrator creates one on the SCIM tokens page.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
        => await ScimResults.Error(StatusCodes.Status403Forbidden, null, "This token may not do that.").ExecuteAsync(Context);
}
