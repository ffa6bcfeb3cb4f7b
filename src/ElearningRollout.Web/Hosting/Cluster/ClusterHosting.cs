using ElearningRollout.Application.Notifications;
using StackExchange.Redis;

namespace ElearningRollout.Web.Hosting.Cluster;

/// <summary>
/// What several instances behind a load balancer share (docs/deployment.md). With Redis:Configuration set: live
/// updates (the bell, the dashboard, the gate page) go through Redis pub/sub to every instance, and
/// the sign-in rate limit counts per address across instances. Drafts of work in progress are kept in the browser
/// (<see cref="WorkInProgressDrafts"/>), readable by every instance. Without it everything stays in this process, as for a single instance.
/// Background work is claimed through the database either way (<see cref="Application.Cluster.WorkLeases"/>).
/// </summary>
public static class ClusterHosting
{
    public const string RedisConfiguration = "Redis:Configuration";
    public const string RedisKeyPrefix = "Redis:KeyPrefix";
    public const string RedisAllowInsecure = "Redis:AllowInsecure";

    public static bool UsesRedis(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[RedisConfiguration]);

    /// <summary>Keys and channels start with it, so several installations may share one Redis.</summary>
    public static string KeyPrefix(IConfiguration configuration)
        => configuration[RedisKeyPrefix] is { Length: > 0 } prefix ? prefix : "ElearningRollout:";

    public static IServiceCollection AddClusterSharing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<WorkInProgressDrafts>();
        if (!UsesRedis(configuration))
        {
            return services;
        }

        var options = ConfigurationOptions.Parse(configuration[RedisConfiguration]!);
        RefuseUnsafeRedis(options, configuration, environment);
        // Start even while Redis is away and reconnect in the background: live updates pause, the product keeps working.
        options.AbortOnConnectFail = false;
        options.ClientName ??= "ElearningRollout";
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        // Registered after the application's in-process relay: the last registration is the one resolved.
        services.AddSingleton<ISignalRelay, RedisSignalRelay>();
        return services;
    }

    /// <summary>
    /// Outside Development, Redis carries who is signalled and sign-in counts per address: it must ask for a password and speak
    /// TLS, unless the operator accepts otherwise (Redis:AllowInsecure=true, e.g. Redis on the same private network).
    /// </summary>
    internal static void RefuseUnsafeRedis(ConfigurationOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || configuration.GetValue<bool>(RedisAllowInsecure))
        {
            return;
        }

        if (string.IsNullOrEmpty(options.Password) || !options.Ssl)
        {
            throw new InvalidOperationException(
                $"{RedisConfiguration} has no password or no TLS (add password=... and ssl=true); live updates and sign-in counts "
                + $"would travel unprotected. Set {RedisAllowInsecure}=true to accept it. See docs/deployment.md.");
        }
    }
}
