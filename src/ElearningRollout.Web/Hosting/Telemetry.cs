using ElearningRollout.Application.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics (docs/operations.md, "Telemetry"), exported over OTLP, and only when an endpoint
/// is configured: <c>OpenTelemetry:Otlp:Endpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without one
/// nothing is registered: no SDK, no listener, no exporter, so the instruments cost next to nothing.
/// Logs stay with Serilog.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OpenTelemetry:Otlp:Endpoint";
    public const string ProtocolSetting = "OpenTelemetry:Otlp:Protocol";
    public const string ServiceNameSetting = "OpenTelemetry:ServiceName";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Blazor (components, lifecycle, circuits), SignalR and Kestrel, as .NET 10 names them; EF Core's own meter; the product's.</summary>
    public static readonly string[] Meters =
    [
        ProductMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.EntityFrameworkCore",
        "System.Net.Http",
    ];

    /// <summary>Blazor's circuit, navigation and event activities, and SignalR's hub invocations.</summary>
    public static readonly string[] ActivitySources = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.SignalR.Server"];

    public static bool IsEnabled(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration[EndpointSetting]) || !string.IsNullOrWhiteSpace(configuration[StandardEndpointVariable]);

    public static IServiceCollection AddProductTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration[ServiceNameSetting] is { Length: > 0 } name ? name : "ElearningRollout"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(ActivitySources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter(Meters));

        // Our setting wins; otherwise the SDK reads the standard OTEL_EXPORTER_OTLP_* variables itself.
        if (configuration[EndpointSetting] is { Length: > 0 } endpoint)
        {
            var protocol = configuration[ProtocolSetting]?.Trim().ToLowerInvariant() switch
            {
                null or "" or "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" or "httpprotobuf" => OtlpExportProtocol.HttpProtobuf,
                var other => throw new InvalidOperationException($"{ProtocolSetting} '{other}' is not known; use grpc or http/protobuf."),
            };
            builder.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else
        {
            builder.UseOtlpExporter();
        }

        return services;
    }
}
