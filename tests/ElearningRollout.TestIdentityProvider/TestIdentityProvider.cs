using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ElearningRollout.TestIdentityProvider;

/// <summary>How the provider spoils its next identity tokens (and client-credentials access tokens), for the tests of what the product must refuse.</summary>
public enum Misbehaviour
{
    None,

    /// <summary>Issued for another client or API ("aud" is not the product's client id, nor its API's audience).</summary>
    WrongAudience,

    /// <summary>Signed by a key that is not in the provider's JWKS (same key id, so only the signature is wrong).</summary>
    BadSignature,

    /// <summary>Expired well beyond any clock skew.</summary>
    Expired,

    /// <summary>A nonce other than the one the product sent.</summary>
    WrongNonce,
}

/// <summary>
/// A real OpenID Connect provider for the tests: OpenIddict's server in degraded mode (no database: authorization codes
/// are self-contained encrypted tokens) on Kestrel at a loopback port, with discovery, JWKS, an authorization endpoint
/// whose small HTML page lets the tester enter the person to sign in as, a token endpoint (authorization code with
/// PKCE, client secret; client credentials for the API clients), an end-session endpoint and ephemeral keys. Known
/// clients: the product's sign-in client <see cref="ClientId"/>, and the machine clients of <see cref="ApiClients"/>,
/// which get access tokens (JWT, audience <see cref="ApiAudience"/>) for the product's REST API.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "elearning-rollout";
    public const string ClientSecret = "test-only-client-secret";

    /// <summary>The audience of the access tokens issued to the API clients (the product's Authentication:Api:Audience).</summary>
    public const string ApiAudience = "api://elearning-rollout";

    /// <summary>A machine client the tests map to a product account (Authentication:Api:Clients).</summary>
    public const string ScriptClientId = "rollout-script";

    /// <summary>A machine client the provider knows but the product is not told about: its tokens must be refused.</summary>
    public const string UnmappedClientId = "unmapped-script";

    /// <summary>The client-credentials clients and their secrets (the provider's side of the registration).</summary>
    public static readonly IReadOnlyDictionary<string, string> ApiClients = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ScriptClientId] = "test-only-script-secret",
        [UnmappedClientId] = "test-only-unmapped-secret",
    };

    /// <summary>The form fields of the provider's page (prefixed so they never clash with the protocol's parameters).</summary>
    public static class Fields
    {
        public const string Email = "test_email";
        public const string Name = "test_name";
        public const string EmailVerified = "test_email_verified";
        public const string Roles = "test_roles";
        public const string Groups = "test_groups";
        public const string Department = "test_department";
        public const string SignIn = "test_sign_in";
    }

    private readonly WebApplication _app;
    private int _endSessionRequests;
    private int _misbehaviour;

    private TestIdentityProvider(WebApplication app) => _app = app;

    /// <summary>The issuer, e.g. http://127.0.0.1:41234/ (the product's Authentication:Oidc:Authority).</summary>
    public Uri Authority { get; private set; } = default!;

    /// <summary>What the next token responses do wrong; <see cref="Misbehaviour.None"/> by default.</summary>
    public Misbehaviour Misbehaviour
    {
        get => (Misbehaviour)Volatile.Read(ref _misbehaviour);
        set => Volatile.Write(ref _misbehaviour, (int)value);
    }

    /// <summary>How often a product sent a browser to the end-session endpoint.</summary>
    public int EndSessionRequests => Volatile.Read(ref _endSessionRequests);

    /// <summary>The identity tokens issued, newest last (their payloads only, for tests that check what was asserted).</summary>
    public ConcurrentQueue<string> IssuedIdentityTokens { get; } = new();

    /// <summary>
    /// A client-credentials access token for <paramref name="clientId"/>, as a script gets it from the organisation's
    /// provider (a POST to the token endpoint with its id and secret); spoiled as <see cref="Misbehaviour"/> says.
    /// </summary>
    public async Task<string> ClientCredentialsTokenAsync(string clientId)
    {
        using var http = new HttpClient { BaseAddress = Authority };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Parameters.GrantType] = GrantTypes.ClientCredentials,
            [Parameters.ClientId] = clientId,
            [Parameters.ClientSecret] = ApiClients[clientId],
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {body}");
        }

        return (string)JsonNode.Parse(body)![Parameters.AccessToken]!;
    }

    /// <summary>The product's settings pointing at this provider.</summary>
    public Dictionary<string, string?> ProductSettings(string displayName = "Test SSO") => new()
    {
        ["Authentication:Oidc:DisplayName"] = displayName,
        ["Authentication:Oidc:Authority"] = Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:Scopes"] = "openid profile email roles",
    };

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        TestIdentityProvider? provider = null;

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow();
            server.AllowClientCredentialsFlow();
            server.RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles);
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            server.DisableAccessTokenEncryption();
            // Degraded mode: no application or token store; the handlers below do the client checks the store would do.
            server.EnableDegradedMode();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // Loopback http only: the product under test refuses an http authority outside Development.
                .DisableTransportSecurityRequirement();

            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    context.Reject(Errors.InvalidClient, "Unknown client_id.");
                }
                else if (!IsLoopbackCallback(context.RedirectUri, "/signin-oidc"))
                {
                    context.Reject(Errors.InvalidRequest, "redirect_uri must be the product's /signin-oidc on this machine.");
                }

                return default;
            }));

            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                // The product signs people in with the authorization code; the API clients get tokens of their own.
                var expected = context.Request.IsClientCredentialsGrantType()
                    ? ApiClients.GetValueOrDefault(context.ClientId ?? "")
                    : context.ClientId == ClientId ? ClientSecret : null;
                if (expected is null || !CryptographicOperations.FixedTimeEquals(
                        Encoding.UTF8.GetBytes(context.ClientSecret ?? ""), Encoding.UTF8.GetBytes(expected)))
                {
                    context.Reject(Errors.InvalidClient, "Unknown client or wrong client secret.");
                }

                return default;
            }));

            // Client credentials: the client acts as itself. OpenIddict adds its client_id claim to the access token;
            // the audience is the product's API, as a directory's app registration for the API would set it.
            server.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.IsClientCredentialsGrantType())
                {
                    var identity = new ClaimsIdentity(authenticationType: "test-identity-provider", nameType: Claims.Name, roleType: Claims.Role);
                    identity.AddClaim(new Claim(Claims.Subject, context.ClientId!));
                    var principal = new ClaimsPrincipal(identity);
                    principal.SetAudiences(ApiAudience);
                    principal.SetDestinations(_ => [Destinations.AccessToken]);
                    context.SignIn(principal);
                }

                return default;
            }));

            server.AddEventHandler<OpenIddictServerEvents.ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } uri && !IsLoopbackCallback(uri, "/signout-callback-oidc"))
                {
                    context.Reject(Errors.InvalidRequest, "post_logout_redirect_uri must be the product's /signout-callback-oidc on this machine.");
                }

                return default;
            }));

            // Runs after OpenIddict made the response: spoils the identity token (or a client's access token) as the test asked.
            server.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request?.IsClientCredentialsGrantType() == true && context.Response.AccessToken is { } accessToken && provider is not null)
                {
                    context.Response.AccessToken = provider.Spoil(accessToken, context.Options.SigningCredentials[0]);
                }

                if (context.Response.IdToken is { } idToken && provider is not null)
                {
                    context.Response.IdToken = provider.Spoil(idToken, context.Options.SigningCredentials[0]);
                    provider.IssuedIdentityTokens.Enqueue(Base64UrlEncoder.Decode(new JsonWebToken(context.Response.IdToken).EncodedPayload));
                }

                return default;
            }).SetOrder(int.MinValue));
        });

        var app = builder.Build();
        provider = new TestIdentityProvider(app);
        app.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        app.MapMethods("connect/endsession", [HttpMethods.Get, HttpMethods.Post], () =>
        {
            Interlocked.Increment(ref provider._endSessionRequests);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address.TrimEnd('/') + "/");
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The page (GET) and the tester's choice (POST with the person's fields): signs that person in.</summary>
    private static IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var email = (string?)request[Fields.Email];
        if (!HttpMethods.IsPost(http.Request.Method) || (string?)request[Fields.SignIn] is null || string.IsNullOrWhiteSpace(email))
        {
            return Results.Content(Page(request), "text/html; charset=utf-8");
        }

        var identity = new ClaimsIdentity(
            authenticationType: "test-identity-provider", nameType: Claims.Name, roleType: Claims.Role);
        // A stable subject per e-mail, as a directory's object id would be.
        identity.AddClaim(new Claim(Claims.Subject, "sub-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..16]));
        identity.AddClaim(new Claim(Claims.Email, email.Trim()));
        identity.AddClaim(new Claim(Claims.EmailVerified, (string?)request[Fields.EmailVerified] is "true" or "on" ? "true" : "false", ClaimValueTypes.Boolean));
        if ((string?)request[Fields.Name] is { Length: > 0 } name)
        {
            identity.AddClaim(new Claim(Claims.Name, name));
        }

        foreach (var role in Split((string?)request[Fields.Roles]))
        {
            identity.AddClaim(new Claim("roles", role));
        }

        foreach (var group in Split((string?)request[Fields.Groups]))
        {
            identity.AddClaim(new Claim("groups", group));
        }

        if ((string?)request[Fields.Department] is { Length: > 0 } department)
        {
            identity.AddClaim(new Claim("department", department));
        }

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(request.GetScopes());
        principal.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IEnumerable<string> Split(string? values)
        => (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The sign-in page: the protocol's parameters carried as hidden fields, and the test person's fields.</summary>
    private static string Page(OpenIddictRequest request)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            if (!name.StartsWith("test_", StringComparison.Ordinal))
            {
                hidden.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode((string?)value ?? "")}\">");
            }
        }

        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title><link rel="icon" href="data:,"></head>
            <body><main>
            <h1>Test identity provider</h1>
            <p>Sign in to <strong>{{html.Encode(request.ClientId ?? "")}}</strong> as:</p>
            <form method="post" action="/connect/authorize">
            {{hidden}}
            <p><label for="email">E-mail</label> <input id="email" name="{{Fields.Email}}" type="email" required></p>
            <p><label for="name">Name</label> <input id="name" name="{{Fields.Name}}"></p>
            <p><input id="verified" name="{{Fields.EmailVerified}}" type="checkbox" value="true" checked> <label for="verified">E-mail verified</label></p>
            <p><label for="roles">App roles (comma-separated)</label> <input id="roles" name="{{Fields.Roles}}"></p>
            <p><label for="groups">Group ids (comma-separated)</label> <input id="groups" name="{{Fields.Groups}}"></p>
            <p><label for="department">Department</label> <input id="department" name="{{Fields.Department}}"></p>
            <p><button type="submit" name="{{Fields.SignIn}}" value="1">Sign in</button></p>
            </form>
            </main></body></html>
            """;
    }

    private string Spoil(string idToken, SigningCredentials signing)
    {
        var misbehaviour = Misbehaviour;
        if (misbehaviour == Misbehaviour.None)
        {
            return idToken;
        }

        var token = new JsonWebToken(idToken);
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.EncodedPayload))!.AsObject();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        switch (misbehaviour)
        {
            case Misbehaviour.WrongAudience:
                payload["aud"] = "another-client";
                payload.Remove("azp");
                break;
            case Misbehaviour.Expired:
                payload["iat"] = now - 7200;
                payload["nbf"] = now - 7200;
                payload["exp"] = now - 3600;
                break;
            case Misbehaviour.WrongNonce:
                payload["nonce"] = "not-the-nonce-the-product-sent";
                break;
            case Misbehaviour.BadSignature:
                // Another key under the same key id: the product finds the key and the signature does not verify.
                signing = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = token.Kid }, SecurityAlgorithms.RsaSha256);
                break;
        }

        return new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), signing);
    }

    private static bool IsLoopbackCallback(string? uri, string path)
        => Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            && (parsed.IsLoopback || parsed.Host == "localhost")
            && parsed.AbsolutePath == path;
}
