using System.Collections.Concurrent;
namespace ElearningRollout.Web.Hosting;

/// <summary>
/// One logger per category, as Microsoft's own logger factory keeps them. Serilog's factory (<c>AddSerilog</c>) makes a
/// new logger, each with its own event-id cache, on every <see cref="CreateLogger"/>: Blazor asks for about ten per
/// circuit and authentication handlers for some per request, so every open tab kept ten loggers of its own
/// (docs/performance.md, "Capacity"). Loggers hold no state of their caller, so one per category serves everyone.
/// </summary>
public sealed class CachedLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        // A provider added later must reach every category: the loggers made before it are made again.
        inner.AddProvider(provider);
        _loggers.Clear();
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the logger factory registered last (Serilog's) in this cache.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No logger factory is registered to cache.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CachedLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
    }
}
