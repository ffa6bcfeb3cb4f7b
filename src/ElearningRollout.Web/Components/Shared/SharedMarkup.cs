using System.Collections.Concurrent;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// Markup built from a few values and held once for every circuit that shows the same values: the same rows appear in
/// many people's open lists (the default view most of all), the same theme in every tab, and a string built per circuit
/// is kept by each of them for as long as the tab is open (docs/performance.md, "Capacity"). At most <c>capacity</c>
/// entries: when full it starts afresh, and the rows shown next build their strings once more, so its memory is bounded
/// whatever the portfolio.
/// </summary>
internal sealed class SharedMarkup<TKey>(int capacity) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, string> _markup = new();

    internal int Count => _markup.Count;

    public string For(TKey key, Func<TKey, string> build)
    {
        if (_markup.TryGetValue(key, out var shared))
        {
            return shared;
        }

        if (_markup.Count >= capacity)
        {
            _markup.Clear();
        }

        return _markup.GetOrAdd(key, build);
    }
}
