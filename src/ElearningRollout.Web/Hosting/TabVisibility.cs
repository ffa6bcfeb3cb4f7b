using Microsoft.JSInterop;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Whether the circuit's browser tab is shown or hidden (another tab in front, the window minimised), as the tab's script
/// (js/session-keepalive.js) reports it through <see cref="VisibilityChanged"/>. One per circuit. Live screens use it to
/// hold back renders nobody can see: a dashboard left open in a background tab renders the newest figures once, when it
/// is shown again, instead of every gate change's (docs/performance.md, "Seventh step"). Until the script reports, the
/// tab counts as shown, so a tab without the script (a print page, a visitor) renders as before.
/// </summary>
internal sealed class TabVisibility : IDisposable
{
    private DotNetObjectReference<TabVisibility>? _reference;

    public bool IsHidden { get; private set; }

    /// <summary>Raised on the circuit's dispatcher when a hidden tab is shown again.</summary>
    public event Action? Shown;

    /// <summary>What the tab's script holds to report to this circuit.</summary>
    internal DotNetObjectReference<TabVisibility> Reference => _reference ??= DotNetObjectReference.Create(this);

    /// <summary>The tab was hidden or shown (the document's visibilitychange, and once when the script attaches).</summary>
    [JSInvokable]
    public void VisibilityChanged(bool hidden)
    {
        var shownAgain = IsHidden && !hidden;
        IsHidden = hidden;
        if (shownAgain)
        {
            Shown?.Invoke();
        }
    }

    public void Dispose() => _reference?.Dispose();
}
