using ElearningRollout.Application.Common;
using ElearningRollout.Application.Webhooks;
using Serilog.Events;

namespace ElearningRollout.Web.Hosting;

/// <summary>Webhooks, Teams cards and calendar feeds: their settings (section "Integrations") and the background sender.</summary>
internal static class IntegrationHosting
{
    public static IServiceCollection AddIntegrationHosting(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<IntegrationOptions>(configuration.GetSection(IntegrationOptions.Section));

        // Webhooks into the product's own network are a server-side request forgery risk: outside Development only
        // when the operator accepts it in so many words.
        var settings = configuration.GetSection(IntegrationOptions.Section).Get<IntegrationOptions>() ?? new IntegrationOptions();
        if (settings.AllowPrivateWebhookAddresses && !environment.IsDevelopment() && !settings.AllowUnsafeConfiguration)
        {
            throw new InvalidOperationException(
                $"{IntegrationOptions.Section}:AllowPrivateWebhookAddresses lets webhooks reach loopback and private networks (server-side request forgery); set {IntegrationOptions.Section}:AllowUnsafeConfiguration=true to accept it.");
        }

        // A developer's receiver on localhost speaks http; elsewhere http needs Integrations:AllowHttpWebhooks.
        services.PostConfigure<IntegrationOptions>(o => o.AllowHttpWebhooks |= environment.IsDevelopment());
        services.AddHostedService<WebhookBackgroundService>();
        return services;
    }

    /// <summary>
    /// The request log's properties with a calendar feed's secret cut out of the path: the address is the credential
    /// a calendar program presents, and secrets are never logged.
    /// </summary>
    public static IEnumerable<LogEventProperty> RequestLogProperties(HttpContext http, string requestPath, double elapsed, int statusCode) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(Api.CalendarFeedEndpoint.Redact(requestPath))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("Elapsed", new ScalarValue(elapsed)),
    ];
}

/// <summary>
/// Every Integrations:WebhookSendSeconds (10): delivers the webhook messages that are due. Each instance runs one;
/// the leases in the outbox make sure each message goes out once. A failing pass is logged and the next one tries again.
/// </summary>
internal sealed class WebhookBackgroundService(WebhookSender sender, Microsoft.Extensions.Options.IOptionsMonitor<IntegrationOptions> options, ILogger<WebhookBackgroundService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first pass waits one interval too: start-up (migrations, seeding) finishes first, and nothing is lost by it.
        var protectedNow = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.WebhookSendSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!protectedNow)
                {
                    // Teams addresses saved before they were protected: once per start, before anything is sent.
                    await sender.ProtectSecretAddressesAsync(stoppingToken);
                    protectedNow = true;
                }

                await sender.DeliverDueAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "The webhook pass failed; the next pass tries again");
            }
        }
    }
}
