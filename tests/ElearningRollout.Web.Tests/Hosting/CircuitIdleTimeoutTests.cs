using System.Security.Claims;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Time.Testing;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// An open tab is signed out after 30 minutes without activity; activity starts the 30 minutes again. That only the
/// person's activity counts, not the circuit's traffic, is IdleSignOutTests' (end to end).
/// </summary>
public sealed class CircuitIdleTimeoutTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ServerAuthenticationStateProvider _circuitState = new();

    public CircuitIdleTimeoutTests()
    {
        var tara = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "tara"), new Claim(ClaimTypes.Name, "training@elearning.test")], "Identity.Application");
        _circuitState.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(tara))));
    }

    [Fact]
    public async Task An_open_circuit_is_signed_out_after_thirty_idle_minutes_and_activity_restarts_the_count()
    {
        using var idle = new CircuitIdleTimeout(_circuitState, _clock);
        idle.Touch();

        _clock.Advance(TimeSpan.FromMinutes(29));
        var afterTwentyNine = await SignedInAsync();
        idle.Touch();
        _clock.Advance(TimeSpan.FromMinutes(29));
        var afterActivity = await SignedInAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(afterTwentyNine);
        Assert.True(afterActivity);
        Assert.False(await SignedInAsync());
        Assert.True(idle.HasExpired);
    }

    [Fact]
    public async Task The_persons_activity_reported_by_the_tab_restarts_the_count()
    {
        using var idle = new CircuitIdleTimeout(_circuitState, _clock);
        idle.Touch();

        _clock.Advance(TimeSpan.FromMinutes(29));
        idle.PersonActive();
        _clock.Advance(TimeSpan.FromMinutes(29));
        var afterActivity = await SignedInAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(afterActivity);
        Assert.False(await SignedInAsync());
    }

    [Fact]
    public async Task Activity_after_the_timeout_does_not_sign_back_in()
    {
        using var idle = new CircuitIdleTimeout(_circuitState, _clock);
        idle.Touch();
        _clock.Advance(SessionLifetime.Idle);

        idle.Touch();
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await SignedInAsync());
    }

    private async Task<bool> SignedInAsync() => (await _circuitState.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated == true;
}
