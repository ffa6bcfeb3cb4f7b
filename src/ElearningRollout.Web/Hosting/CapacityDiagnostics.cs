using System.Diagnostics;
using System.Runtime;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Notifications;
using Microsoft.AspNetCore.Components;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// What the capacity program (tests/ElearningRollout.LoadTests, docs/performance.md) reads inside the server process:
/// open circuits, managed heap after a forced full collection, working set, processor time, dashboard computations.
/// Off unless <see cref="Setting"/> is true, and then for administrators only (with two factors where required):
/// a forced collection pauses the whole process, which is fine on a load-test box and never wanted in production.
/// <list type="bullet">
/// <item><c>GET /diagnostics/capacity</c>: the figures as they are (no collection).</item>
/// <item><c>POST /diagnostics/capacity/collect</c>: a blocking, compacting full collection (twice, around the finalizers, the
/// large object heap compacted too), then the figures: the live managed heap is then what is really held.</item>
/// <item><c>POST /diagnostics/capacity/gates-changed</c>: raises the gate-change signal exactly as a decision (or another
/// instance relaying one) does, so the program measures what the open dashboards cost per change, not the decision.</item>
/// </list>
/// </summary>
internal static class CapacityDiagnostics
{
    public const string Setting = "Diagnostics:CapacityEndpoints";

    /// <summary>With the setting on, counts the components Blazor creates (<see cref="CountingComponentActivator"/>).</summary>
    public static IServiceCollection AddCapacityDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetValue<bool>(Setting))
        {
            services.AddSingleton<ComponentCreations>();
            services.AddScoped<IComponentActivator, CountingComponentActivator>();
        }

        return services;
    }

    public static WebApplication MapCapacityDiagnostics(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(Setting))
        {
            return app;
        }

        var group = app.MapGroup("/diagnostics/capacity").RequireAuthorization(AdministratorTwoFactorPolicy.Name).DisableAntiforgery();
        group.MapGet("", (CircuitCap circuits, DashboardFeed dashboards) => Figures(circuits, dashboards));
        group.MapPost("/collect", (CircuitCap circuits, DashboardFeed dashboards) =>
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return Figures(circuits, dashboards);
        });
        // Components created so far, by type: the program reads it before and after opening K pages of one screen.
        group.MapGet("/components", (ComponentCreations creations) => creations.ByType());
        group.MapPost("/gates-changed", (NotificationSignals signals, CircuitCap circuits, DashboardFeed dashboards) =>
        {
            signals.RaiseGatesChanged();
            return Figures(circuits, dashboards);
        });
        return app;
    }

    private static CapacityFigures Figures(CircuitCap circuits, DashboardFeed dashboards)
    {
        using var process = Process.GetCurrentProcess();
        return new CapacityFigures(circuits.OpenInTotal, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64,
            process.TotalProcessorTime.TotalSeconds, dashboards.Computations, dashboards.Viewers.Values.Sum());
    }

    internal sealed record CapacityFigures(
        int Circuits, long ManagedHeapBytes, long WorkingSetBytes, double ProcessorSeconds, long DashboardComputations, int DashboardViewers);
}
