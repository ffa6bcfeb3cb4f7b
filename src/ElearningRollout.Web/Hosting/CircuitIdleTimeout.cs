using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Signs an open circuit out after <see cref="SessionLifetime.Idle"/> without inbound activity (clicks, typing,
/// navigation, JavaScript callbacks). One per circuit; the page then shows the sign-in link like any signed-out page.
/// The cookie has its own idle limit; a tab left open is what this one is for.
/// </summary>
internal sealed class CircuitIdleTimeout(AuthenticationStateProvider authentication, TimeProvider clock) : IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private bool _expired;

    public bool HasExpired => _expired;

    /// <summary>The person did something: the 30 minutes start again.</summary>
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

    public void Dispose() => _timer?.Dispose();
}

/// <summary>Feeds every inbound activity of a circuit to its <see cref="CircuitIdleTimeout"/>.</summary>
internal sealed class CircuitIdleTimeoutHandler(CircuitIdleTimeout idle) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        idle.Touch();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next)
        => context =>
        {
            idle.Touch();
            return next(context);
        };
}
