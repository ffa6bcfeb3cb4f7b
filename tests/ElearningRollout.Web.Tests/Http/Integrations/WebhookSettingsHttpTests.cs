using ElearningRollout.Application.Common;
using ElearningRollout.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Tests.Http.Integrations;

/// <summary>Webhooks into the server's own network are an unsafe setting: production does not start with it unless accepted.</summary>
public sealed class WebhookSettingsHttpTests
{
    [Fact]
    public async Task Outside_Development_allowing_private_webhook_addresses_stops_the_start_unless_accepted()
    {
        await using (var refused = new ProductAppFactory { EnvironmentName = "Production", Settings = { ["Integrations:AllowPrivateWebhookAddresses"] = "true" } })
        {
            var failure = Assert.ThrowsAny<Exception>(() => refused.Services);
            Assert.Contains("Integrations:AllowPrivateWebhookAddresses", Flatten(failure), StringComparison.Ordinal);
            Assert.Contains("Integrations:AllowUnsafeConfiguration=true", Flatten(failure), StringComparison.Ordinal);
        }

        await using var accepted = new ProductAppFactory
        {
            EnvironmentName = "Production",
            Settings = { ["Integrations:AllowPrivateWebhookAddresses"] = "true", ["Integrations:AllowUnsafeConfiguration"] = "true" },
        };
        Assert.True(accepted.Services.GetRequiredService<IOptionsMonitor<IntegrationOptions>>().CurrentValue.AllowPrivateWebhookAddresses);

        // Off by default, in Development too: only an explicit setting lets loopback through.
        await using var development = new ProductAppFactory();
        Assert.False(development.Services.GetRequiredService<IOptionsMonitor<IntegrationOptions>>().CurrentValue.AllowPrivateWebhookAddresses);
    }

    private static string Flatten(Exception exception)
        => exception.InnerException is null ? exception.Message : exception.Message + " " + Flatten(exception.InnerException);
}
