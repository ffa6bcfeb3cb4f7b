using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For and X-Forwarded-Proto are believed only when the connection comes from a
/// configured proxy (<c>ForwardedHeaders:KnownProxies</c>, addresses; <c>ForwardedHeaders:KnownNetworks</c>, CIDR ranges;
/// each a list or one comma-separated value). None are configured by default, and then the headers are ignored
/// altogether: with no known proxy ASP.NET Core's middleware would believe anyone. With a proxy configured, the client
/// address (sign-in rate limit, audit) is the real client's and HTTPS decisions (cookies, HSTS, redirects) see https.
/// </summary>
public static class ProxyForwarding
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxyForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration.GetSection(Section + ":KnownProxies")).Select(IPAddress.Parse).ToList();
        var networks = Values(configuration.GetSection(Section + ":KnownNetworks")).Select(System.Net.IPNetwork.Parse).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    private static IEnumerable<string> Values(IConfigurationSection section)
        => (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
