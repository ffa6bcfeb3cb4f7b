using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Counts the component instances Blazor creates, by type, so the capacity program can say how many components one page
/// of each screen builds (docs/performance.md, "Capacity"): each instance keeps two render-tree builders, which is most
/// of what an idle circuit holds. Registered only with <see cref="CapacityDiagnostics.Setting"/> on; creates components
/// as Blazor's own activator does (constructor injection through the circuit's services).
/// </summary>
internal sealed class CountingComponentActivator(IServiceProvider services, ComponentCreations creations) : IComponentActivator
{
    public IComponent CreateInstance(Type componentType)
    {
        creations.Count(componentType);
        return (IComponent)ActivatorUtilities.CreateInstance(services, componentType);
    }
}

/// <summary>Component instances created since the process started, by type (a counter, not a census of live ones).</summary>
internal sealed class ComponentCreations
{
    private readonly ConcurrentDictionary<Type, long> _created = new();

    public void Count(Type componentType) => _created.AddOrUpdate(componentType, 1, (_, count) => count + 1);

    public IReadOnlyDictionary<string, long> ByType() =>
        _created.ToDictionary(entry => TypeName(entry.Key), entry => entry.Value);

    // Generic components (MudSelect<string>) are counted under one readable name per closed type.
    private static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(",", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
