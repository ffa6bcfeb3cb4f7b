using ElearningRollout.Application.Dashboard;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ElearningRollout.Web.Components.Pages.Dashboard;

/// <summary>
/// Hands a new snapshot to the dashboard's sections from inside a render, so that every section whose figures moved
/// renders in one render batch. A section asking to render outside a render starts a batch of its own at once: a gate
/// change that moved the counts, the go-live list and the portfolio's rows sent each viewer three batches, and every batch
/// costs the server a send, the browser's acknowledgement and the thread hops between them, for every viewer (docs/
/// performance.md, "Capacity"). Renders nothing and keeps no render tree; the page's own render is not involved.
/// </summary>
public sealed class DashboardRelay : IComponent
{
    private RenderHandle _handle;
    private (DashboardFigures Figures, DashboardModel Model)? _pending;
    private readonly RenderFragment _publish;

    public DashboardRelay() => _publish = Publish;

    [Parameter, EditorRequired] public DashboardFigures Figures { get; set; } = default!;

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    // Parameters change only when the page renders, which hands its figures to the sections itself: nothing to render.
    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        return Task.CompletedTask;
    }

    /// <summary>Called on the circuit's dispatcher: the sections see <paramref name="model"/> in the next render batch.</summary>
    public void Publish(DashboardModel model)
    {
        _pending = (Figures, model);
        _handle.Render(_publish);
    }

    // Runs while the renderer's batch is open: the sections' StateHasChanged only queue them into this same batch. A
    // render held back (the browser behind on acknowledgements) may come after the page took other filters: the model
    // of the old ones is dropped, not shown under the new.
    private void Publish(RenderTreeBuilder builder)
    {
        if (_pending is { } pending && ReferenceEquals(pending.Figures, Figures))
        {
            Figures.Publish(pending.Model);
        }

        _pending = null;
    }
}
