using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>
/// The layout's error boundary around every page. A component that calls the browser while its circuit is being disposed
/// (the tab closed mid-render: MudBlazor's chart does, after a live update) fails with <see cref="JSDisconnectedException"/>;
/// nobody is left to see the notice, so it is logged at Debug instead of as an unexpected error (a warning with a stack
/// trace per closed tab, which operators would alert on). Every other error is logged and shown as before.
/// </summary>
public sealed class PageErrorBoundary : ErrorBoundary
{
    [Inject]
    private ILogger<PageErrorBoundary> Logger { get; set; } = null!;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (exception is JSDisconnectedException)
        {
            Logger.LogDebug("A component called the browser after its tab had closed: {Message}", exception.Message);
            return Task.CompletedTask;
        }

        return base.OnErrorAsync(exception);
    }
}
