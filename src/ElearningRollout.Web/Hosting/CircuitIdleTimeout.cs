using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.JSInterop;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Signs an open circuit out after <see cref="SessionLifetime.Idle"/> without the person's activity (a click, a tap or a
/// key in the tab, which js/session-keepalive.js reports through <see cref="PersonActive"/> at most once a minute). One
/// per circuit; the page then shows the sign-in page like any signed-out page. The cookie has its own idle limit; a tab
/// left open is what this one is for. The circuit's own traffic is not the person's: the browser acknowledges every live
/// update (the bell, the dashboard) and answers the server's script calls, so counting inbound messages kept a tab left
/// open on the dashboard signed in for as long as gates changed.
/// </summary>
internal sealed class CircuitIdleTimeout(AuthenticationStateProvider authentication, TimeProvider clock) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _expired;
    private DotNetObjectReference<CircuitIdleTimeout>? _reference;

    public bool HasExpired => _expired;

    /// <summary>
    /// Gives the tab's script this timer once the circuit is interactive (the layout's first render), so that the
    /// person's clicks and keys reach it, and the circuit's <paramref name="visibility"/>, so that it knows when the tab is
    /// hidden (one script call for both). Only a signed-in tab has the script (App.razor) and anything to sign out: a
    /// visitor on a page open to all (not found) is left alone, as is a circuit already gone.
    /// </summary>
    public async Task ListenToTheTabAsync(IJSRuntime js, TabVisibility visibility)
    {
        if ((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        _reference ??= DotNetObjectReference.Create(this);
        try
        {
            await js.InvokeVoidAsync("elrSessionActivity.attach", _reference, visibility.Reference);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>The person clicked, tapped or typed in the tab (js/session-keepalive.js, at most once a minute).</summary>
    [JSInvokable]
    public void PersonActive() => Touch();

    /// <summary>The person did something, or the circuit opened: the 30 minutes start again.</summary>
    public void Touch()
    {
        lock (_lock)
        {
            if (_expired)
            {
                return;
            }

            _timer ??= clock.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer.Change(SessionLifetime.Idle, Timeout.InfiniteTimeSpan);
        }
    }

    private void Expire()
    {
        lock (_lock)
        {
            _expired = true;
        }

        if (authentication is IHostEnvironmentAuthenticationStateProvider circuitState)
        {
            circuitState.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _reference?.Dispose();
    }
}

/// <summary>
/// Starts a circuit's <see cref="CircuitIdleTimeout"/> when it opens. Inbound circuit activity is deliberately not fed to
/// it: most of it on an idle tab is the browser acknowledging the server's own renders (see above).
/// </summary>
internal sealed class CircuitIdleTimeoutHandler(CircuitIdleTimeout idle) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        idle.Touch();
        return Task.CompletedTask;
    }
}
