using ElearningRollout.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// The product's logger factory (Serilog's, behind <see cref="CachedLoggerFactory"/>) hands out one logger per category:
/// an open tab no longer keeps loggers of its own (docs/performance.md, "Capacity"), and what is logged still reaches
/// Serilog with its category.
/// </summary>
public sealed class CachedLoggerFactoryTests
{
    [Fact]
    public void One_logger_per_category_and_what_it_logs_reaches_serilog_with_its_category()
    {
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSerilog(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        CachedLoggerFactory.Decorate(services);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILoggerFactory>();

        Assert.IsType<CachedLoggerFactory>(factory);
        Assert.Same(factory.CreateLogger("Microsoft.AspNetCore.Components.RenderTree.Renderer"),
            factory.CreateLogger("Microsoft.AspNetCore.Components.RenderTree.Renderer"));
        Assert.NotSame(factory.CreateLogger("A"), factory.CreateLogger("B"));
        var typed = provider.GetRequiredService<ILogger<CachedLoggerFactoryTests>>();

        factory.CreateLogger("Dashboard").LogWarning("Recomputing {View} failed", "default");
        var logged = Assert.Single(sink.Events);
        Assert.Equal("\"Dashboard\"", logged.Properties["SourceContext"].ToString());
        Assert.Equal(LogEventLevel.Warning, logged.Level);
        typed.LogInformation("typed");
        Assert.Equal(2, sink.Events.Count);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
