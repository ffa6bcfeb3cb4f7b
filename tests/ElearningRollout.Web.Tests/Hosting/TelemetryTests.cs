using ElearningRollout.Tests.Shared;
using ElearningRollout.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>Telemetry is off (nothing registered) unless an OTLP endpoint is configured, and then traces and metrics are on.</summary>
public sealed class TelemetryTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    [Fact]
    public void Without_an_endpoint_nothing_is_registered()
    {
        var services = new ServiceCollection().AddProductTelemetry(Configuration());

        Assert.Empty(services);
    }

    [Fact]
    public void The_real_app_without_an_endpoint_has_no_tracer_or_meter_provider()
    {
        // The premise: neither setting reaches the test host (an OTEL_EXPORTER_OTLP_ENDPOINT in the environment would).
        Assert.False(Telemetry.IsEnabled(app.Services.GetRequiredService<IConfiguration>()), "An OTLP endpoint is configured for the tests.");
        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData(Telemetry.EndpointSetting)]
    [InlineData(Telemetry.StandardEndpointVariable)]
    public void With_an_endpoint_traces_and_metrics_are_exported(string setting)
    {
        // Loopback only; nothing listens there, and nothing is exported before the providers are disposed.
        var configuration = Configuration((setting, "http://127.0.0.1:4317"));
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddProductTelemetry(configuration).BuildServiceProvider();

        Assert.True(Telemetry.IsEnabled(configuration));
        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Fact]
    public void An_unknown_protocol_is_refused_at_start_up()
    {
        var configuration = Configuration((Telemetry.EndpointSetting, "http://127.0.0.1:4318"), (Telemetry.ProtocolSetting, "carrier-pigeon"));

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddProductTelemetry(configuration));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings)
        => new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
