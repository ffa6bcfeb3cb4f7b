using System.Collections;
using System.Runtime.CompilerServices;
using ElearningRollout.Application.Dashboard;

namespace ElearningRollout.Web.Components.Pages.Dashboard;

/// <summary>
/// The figures one open dashboard shows, handed to its sections (<see cref="DashboardSection{TPart}"/>) rather than
/// re-rendering the page: when the shared snapshot changes, each section renders again only if its own figures moved, so
/// a gate change costs each viewer the sections it touched, not the whole page (docs/performance.md, "Capacity").
/// Lives on the circuit's renderer thread: <see cref="Publish"/> is called through the page's dispatcher.
/// </summary>
public sealed class DashboardFigures(DashboardModel model)
{
    public DashboardModel Model { get; private set; } = model;

    public event Action? Changed;

    public void Publish(DashboardModel model)
    {
        Model = model;
        Changed?.Invoke();
    }

    /// <summary>
    /// The same figures: values and records by value, lists element by element (the read model's rows are records),
    /// tuples part by part. Anything else compares as it compares itself, so an unknown shape at worst renders again.
    /// </summary>
    public static bool Same(object? shown, object? next) => (shown, next) switch
    {
        (null, null) => true,
        (string a, string b) => a == b,
        (ITuple a, ITuple b) => a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => Same(a[i], b[i])),
        (IEnumerable a, IEnumerable b) => a.Cast<object?>().SequenceEqual(b.Cast<object?>()),
        _ => Equals(shown, next),
    };
}
