using System.Threading.RateLimiting;
using ElearningRollout.Application.Identity.Provisioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// SCIM's place in the host: its token scheme and policy, its settings (section "Scim") and its rate limit
/// (Scim:RequestsPerMinute per client address, default 600: Entra's provisioning cycles stay well below it, and a
/// token guesser is slowed as the sign-in form slows a password guesser).
/// </summary>
internal static class ScimHosting
{
    public const string RateLimitPolicy = "scim";

    public static IServiceCollection AddScimProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProvisioningOptions>(configuration.GetSection(ProvisioningOptions.Section));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ScimAuthenticationHandler>(ScimAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(ScimAuthenticationHandler.Policy, policy => policy
            .AddAuthenticationSchemes(ScimAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());
        var perMinute = Math.Max(1, configuration.GetValue("Scim:RequestsPerMinute", 600));
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, new ScimRateLimit(perMinute)));
        return services;
    }

    /// <summary>Per client address; a refusal is a SCIM error (429), not the sign-in form's text.</summary>
    private sealed class ScimRateLimit(int perMinute) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
            await ScimResults.Error(StatusCodes.Status429TooManyRequests, null, "Too many SCIM requests from this address; try again in a minute.")
                .ExecuteAsync(context.HttpContext);

        public RateLimitPartition<string> GetPartition(HttpContext httpContext)
            => RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
