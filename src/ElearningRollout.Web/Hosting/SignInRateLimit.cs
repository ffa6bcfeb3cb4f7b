using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Limits sign-in attempts per client address (Security:SignInAttemptsPerMinute, default 10), on top of the
/// per-account lockout: it slows password spraying across many accounts, which a lockout cannot see.
/// Only form posts count; showing the page is free.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = Math.Max(1, configuration.GetValue("Security:SignInAttemptsPerMinute", 10));
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many sign-in attempts from this address. Wait a minute, then try again.", cancellationToken);
            };
            // With several instances (Redis:Configuration) the count per address is shared through Redis.
            var shared = Cluster.ClusterHosting.UsesRedis(configuration);
            var keyPrefix = Cluster.ClusterHosting.KeyPrefix(configuration);
            options.AddPolicy(Policy, http => !HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("page")
                : shared
                    ? RateLimitPartition.Get(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        address => new Cluster.SharedSignInLimiter(
                            http.RequestServices.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), keyPrefix, address, perMinute,
                            http.RequestServices.GetRequiredService<TimeProvider>()))
                    : RateLimitPartition.GetFixedWindowLimiter(
                        http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
