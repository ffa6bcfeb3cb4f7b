using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ElearningRollout.Web.Components.Shared;

/// <summary>
/// Markup that is the same for everyone, such as the status chip of an "Active" rollout, rendered once per process with
/// the component that normally renders it (Blazor's <see cref="HtmlRenderer"/>) and shared by every circuit as one
/// string. A list of 25 rows then holds 50 references instead of 50 chip components with their icons and render trees
/// (docs/performance.md, "Capacity"). Only for display-only components: the shared copy has no event handlers.
/// </summary>
public sealed class SharedMarkup(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<(Type Component, Type Value), Task<object>> _rendered = new();

    /// <summary>The markup of <typeparamref name="TComponent"/> for every value of <typeparamref name="TValue"/>, given as <paramref name="parameter"/>.</summary>
    public async Task<IReadOnlyDictionary<TValue, MarkupString>> ForEveryValueAsync<TComponent, TValue>(string parameter)
        where TComponent : IComponent
        where TValue : struct, Enum
    {
        var key = (typeof(TComponent), typeof(TValue));
        var rendering = _rendered.GetOrAdd(key, _ => RenderAllAsync<TComponent, TValue>(parameter));
        try
        {
            return (IReadOnlyDictionary<TValue, MarkupString>)await rendering;
        }
        catch
        {
            // A failed rendering is not kept: the next page asks again (and shows the components meanwhile).
            _rendered.TryRemove(new KeyValuePair<(Type, Type), Task<object>>(key, rendering));
            throw;
        }
    }

    private async Task<object> RenderAllAsync<TComponent, TValue>(string parameter)
        where TComponent : IComponent
        where TValue : struct, Enum
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var markup = new Dictionary<TValue, MarkupString>();
        foreach (var value in Enum.GetValues<TValue>())
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(new Dictionary<string, object?> { [parameter] = value }))).ToHtmlString());
            markup.Add(value, new MarkupString(html));
        }

        return markup;
    }
}
