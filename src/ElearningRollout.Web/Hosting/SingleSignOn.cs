using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ElearningRollout.Web.Hosting;

/// <summary>The names of the claims the provider sends (Authentication:Oidc:Claims:*); the defaults are the standard ones.</summary>
public sealed class SingleSignOnClaims
{
    public string Subject { get; set; } = "sub";
    public string Email { get; set; } = "email";
    public string EmailVerified { get; set; } = "email_verified";
    public string Name { get; set; } = "name";

    /// <summary>App roles (Entra ID: "roles"); each value is looked up in <see cref="SingleSignOnSettings.RoleMap"/>.</summary>
    public string Roles { get; set; } = "roles";

    /// <summary>Group ids (Entra ID: "groups"); each value is looked up in <see cref="SingleSignOnSettings.RoleMap"/> too.</summary>
    public string Groups { get; set; } = "groups";

    /// <summary>The department's name as the product knows it (Entra ID: an optional claim such as "department" or an extension attribute).</summary>
    public string Department { get; set; } = "department";
}

/// <summary>
/// Authentication:Oidc:* — single sign-on with one OpenID Connect provider (Entra ID, Keycloak, Okta, ...). Off while
/// <see cref="Authority"/> is empty: then sign-in is exactly the local one.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "Authentication:Oidc";
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>What the button says after "Sign in with".</summary>
    public string DisplayName { get; set; } = "company account";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated; "openid" is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    public SingleSignOnClaims Claims { get; set; } = new();

    /// <summary>App-role value or group id → one of the product's roles (Administrator, TrainingManager, ItLead, Executive).</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Treat every e-mail this provider sends as verified (link on first sign-in without email_verified).</summary>
    public bool TrustEmail { get; set; }

    /// <summary>Just-in-time creation of unknown people (roles and department from the claims).</summary>
    public bool CreateAccounts { get; set; }

    public RoleSource RoleSource { get; set; } = RoleSource.Product;

    /// <summary>Only administrators (break-glass accounts, still with two factors) may sign in with a password.</summary>
    public bool LocalPasswordsForAdministratorsOnly { get; set; }

    /// <summary>Also end the session at the provider when the person signs out (its end-session endpoint).</summary>
    public bool SignOutAtProvider { get; set; } = true;

    /// <summary>Outside Development, start even with an unsafe configuration (http authority, no client secret).</summary>
    public bool AllowUnsafeConfiguration { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public ExternalSignInRules Rules => new(TrustEmail, CreateAccounts, RoleSource, RoleMap);

    /// <summary>Why the settings cannot be used; empty when they can. Unsafe ones count outside Development unless accepted.</summary>
    public IReadOnlyList<string> Problems(bool isDevelopment)
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            if (LocalPasswordsForAdministratorsOnly)
            {
                problems.Add($"{Section}:LocalPasswordsForAdministratorsOnly is true but single sign-on is off ({Section}:Authority is empty): nobody but administrators could sign in.");
            }

            return problems;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
        {
            problems.Add($"{Section}:Authority must be an absolute URL (the provider's issuer).");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add($"{Section}:ClientId is required.");
        }

        foreach (var (value, role) in RoleMap)
        {
            if (!Roles.All.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{Section}:RoleMap:{value} maps to \"{role}\", which is not one of {string.Join(", ", Roles.All)}.");
            }
        }

        if (!isDevelopment && !AllowUnsafeConfiguration)
        {
            if (authority is not null && authority.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"{Section}:Authority is not https: tokens and keys would travel in the clear. Set {Section}:AllowUnsafeConfiguration=true to accept it.");
            }

            if (string.IsNullOrWhiteSpace(ClientSecret))
            {
                problems.Add($"{Section}:ClientSecret is empty: the product would redeem codes as a public client. Set {Section}:AllowUnsafeConfiguration=true to accept it.");
            }
        }

        return problems;
    }

    public static SingleSignOnSettings From(IConfiguration configuration)
        => configuration.GetSection(Section).Get<SingleSignOnSettings>() ?? new SingleSignOnSettings();
}

/// <summary>
/// Wires the OpenID Connect handler next to Identity's cookies: authorization code flow with PKCE, the provider's
/// answer lands in Identity's external cookie, and <see cref="Components.Account.ExternalSignInEndpoints"/> turns it
/// into the product's own sign-in cookie (same idle and absolute limits as a password sign-in).
/// </summary>
public static class SingleSignOn
{
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = SingleSignOnSettings.From(configuration);
        var problems = settings.Problems(environment.IsDevelopment());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Single sign-on (OpenID Connect) is not configured safely: " + string.Join(" ", problems) + " See docs/operations.md.");
        }

        authentication.Services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return authentication;
        }

        authentication.AddOpenIdConnect(SingleSignOnSettings.Scheme, settings.DisplayName, oidc =>
        {
            oidc.Authority = settings.Authority;
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
            // An http authority only where it was accepted (Development, or AllowUnsafeConfiguration).
            oidc.RequireHttpsMetadata = new Uri(settings.Authority!).Scheme == Uri.UriSchemeHttps;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.UsePkce = true;
            // The code comes back in the query: a top-level GET, so the correlation and nonce cookies travel with it.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.CallbackPath = SingleSignOnSettings.CallbackPath;
            oidc.SignedOutCallbackPath = SingleSignOnSettings.SignedOutCallbackPath;
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            // The product's cookie carries its own claims (ProductClaimsPrincipalFactory); the provider's tokens are not kept.
            oidc.SaveTokens = false;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("openid").Distinct(StringComparer.Ordinal))
            {
                oidc.Scope.Add(scope);
            }

            oidc.Events.OnRemoteFailure = Components.Account.ExternalSignInEndpoints.RefuseFailedAnswerAsync;
            oidc.Events.OnAccessDenied = Components.Account.ExternalSignInEndpoints.RefuseDeniedAsync;
        });
        return authentication;
    }
}
