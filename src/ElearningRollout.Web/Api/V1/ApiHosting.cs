using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace ElearningRollout.Web.Api.V1;

/// <summary>
/// The REST API's place in the host: its bearer schemes and policy, its settings (Authentication:Api), its rate limit
/// per token, its OpenAPI 3.1 document (/api/v1/openapi.json) and its reference page (/api/docs), whose script is
/// served by the app itself (no CDN, no fonts or telemetry from elsewhere).
/// </summary>
internal static class ApiHosting
{
    public const string RateLimitPolicy = "api";
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/{documentName}/openapi.json";
    public const string DocsPath = "/api/docs";

    public static IServiceCollection AddRestApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(ApiOptions.Section);
        services.Configure<ApiOptions>(section);
        var options = section.Get<ApiOptions>() ?? new ApiOptions();
        var authority = string.IsNullOrWhiteSpace(options.Authority) ? configuration[SingleSignOnSettings.Section + ":Authority"] : options.Authority;
        var oauth = !string.IsNullOrWhiteSpace(authority) && !string.IsNullOrWhiteSpace(options.Audience);
        if (oauth && !environment.IsDevelopment() && !options.AllowUnsafeConfiguration
            && !authority!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ApiOptions.Section}:Authority (or Authentication:Oidc:Authority) must be https outside Development; set {ApiOptions.Section}:AllowUnsafeConfiguration=true to accept it.");
        }

        var authentication = services.AddAuthentication();
        authentication.AddPolicyScheme(ApiAuthentication.SchemeName, null, scheme => scheme.ForwardDefaultSelector = http =>
            !oauth || (BearerHeader.Read(http.Request, out var secret) == BearerHeader.Outcome.Present && secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
                ? ApiAuthentication.PersonalTokenScheme
                : ApiAuthentication.OAuthScheme);
        authentication.AddScheme<AuthenticationSchemeOptions, PersonalTokenHandler>(ApiAuthentication.PersonalTokenScheme, null);
        if (oauth)
        {
            authentication.AddJwtBearer(ApiAuthentication.OAuthScheme, jwt =>
            {
                jwt.Authority = authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = !environment.IsDevelopment() && !options.AllowUnsafeConfiguration;
                jwt.MapInboundClaims = false;
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = AcceptClientAsync,
                    OnAuthenticationFailed = RecordRefusedTokenAsync,
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await ApiAuthentication.ChallengeAsync(context.HttpContext);
                    },
                };
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(ApiAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(ApiAuthentication.SchemeName)
            .RequireAuthenticatedUser());

        var perMinute = Math.Max(1, options.RequestsPerMinute);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(RateLimitPolicy, new PerTokenRateLimit(perMinute)));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // A query parameter of the wrong type (page=abc) is a 400 the API's middleware words as a problem, in every
        // environment, rather than an exception page in Development.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = false);

        services.AddOpenApi(DocumentName, openApi =>
        {
            openApi.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ElearningRollout API",
                    Version = "v1",
                    Description = "Rollouts, clearance gates, cost sharing, vendors, the dashboard and the audit log, under the same permissions as the screens. "
                        + "Authenticate with a bearer token: a personal access token (Profile, API tokens) or an OAuth client-credentials access token. "
                        + "Errors are RFC 9457 problem details. Every write except the checklist needs If-Match with the ETag you read: without it the answer is 428, "
                        + "with a stale one 412 naming who saved first.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "A personal access token (elr_pat_...) or an OAuth access token of a configured client.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapRestApiDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
        endpoints.MapScalarApiReference(DocsPath, scalar =>
        {
            scalar.Title = "ElearningRollout API";
            scalar.OpenApiRoutePattern = DocumentPath;
            // Nothing from the internet: no fonts from a CDN, no telemetry, no AI agent; the script comes from this app.
            scalar.DefaultFonts = false;
            scalar.Telemetry = false;
            scalar.DynamicNonce = true;
            scalar.HideClientButton = true;
        }).AllowAnonymous();
    }

    /// <summary>The token's id (or the OAuth client's name) is the partition: one script cannot starve the others.</summary>
    private sealed class PerTokenRateLimit(int perMinute) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await ApiProblems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"This token made more than {perMinute} requests in a minute (Authentication:Api:RequestsPerMinute); try again in a minute.");
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
            => RateLimitPartition.GetFixedWindowLimiter(
                httpContext.User.FindFirstValue(ApiAuthentication.CredentialClaim) ?? httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    /// <summary>
    /// An access token the handler refused (before <see cref="AcceptClientAsync"/>): audited like a refused personal
    /// access token, with the reason in plain words and the client id the token claims; then the usual 401 problem.
    /// </summary>
    private static async Task RecordRefusedTokenAsync(AuthenticationFailedContext context)
    {
        var reason = context.Exception switch
        {
            SecurityTokenExpiredException => "expired access token",
            SecurityTokenNotYetValidException => "access token not yet valid",
            SecurityTokenInvalidAudienceException => "access token for another audience",
            SecurityTokenInvalidIssuerException => "access token from another issuer",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "access token signature does not verify",
            SecurityTokenMalformedException or ArgumentException => "not a well-formed access token",
            _ => "access token refused",
        };
        string? claimedClient = null;
        // Read the header itself: a JWT is longer than BearerHeader's limit for the product's own secrets.
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var raw = header["Bearer ".Length..].Trim();
            var handler = new JsonWebTokenHandler();
            if (handler.CanReadToken(raw))
            {
                var unverified = handler.ReadJsonWebToken(raw);
                claimedClient = new[] { "azp", "client_id", "appid" }
                    .Select(type => unverified.TryGetPayloadValue<string>(type, out var value) ? value : null)
                    .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
            }
        }

        var http = context.HttpContext;
        await http.RequestServices.GetRequiredService<ApiTokenAuthentication>().RecordRefusedAccessTokenAsync(
            claimedClient, reason, http.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
    }

    /// <summary>An access token the provider signed for our audience: its client must be mapped to an account in good standing.</summary>
    private static async Task AcceptClientAsync(TokenValidatedContext context)
    {
        var clientId = context.Principal?.FindFirstValue("azp") ?? context.Principal?.FindFirstValue("client_id") ?? context.Principal?.FindFirstValue("appid");
        if (clientId is null)
        {
            context.Fail("The access token names no client (azp, client_id or appid).");
            return;
        }

        var http = context.HttpContext;
        var mapping = context.Options is not null
            ? http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.Clients.GetValueOrDefault(clientId)
            : null;
        var caller = await http.RequestServices.GetRequiredService<ApiTokenAuthentication>().AuthenticateClientAsync(
            clientId, mapping?.Account, mapping?.Scope ?? ApiTokenScope.Read, http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        if (caller is null || await ApiAuthentication.PrincipalAsync(http, caller, ApiAuthentication.OAuthScheme) is not { } principal)
        {
            context.Fail("The client is not allowed on this API, or its account is not in good standing.");
            return;
        }

        context.Principal = principal;
    }
}
