using System.Security.Claims;
using ElearningRollout.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>Issue 14, item 12: a person's circuits are counted; the newest one over the cap is refused and acts for nobody.</summary>
public sealed class CircuitCapTests
{
    private readonly CircuitCap _cap = new(maxPerUser: 2);

    [Fact]
    public async Task The_third_circuit_of_a_person_is_refused_and_signed_out_and_a_closed_one_makes_room()
    {
        var (first, _, _) = await OpenAsync("tara");
        await OpenAsync("tara");
        var (_, third, thirdAuth) = await OpenAsync("tara");
        var (_, otherPerson, _) = await OpenAsync("ian");

        Assert.True(third.Refused);
        Assert.False((await thirdAuth.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False(otherPerson.Refused);
        Assert.Equal(2, _cap.OpenFor("tara"));

        await first.OnCircuitClosedAsync(null!, CancellationToken.None);
        var (_, fourth, _) = await OpenAsync("tara");

        Assert.False(fourth.Refused);
        Assert.Equal(2, _cap.OpenFor("tara"));
    }

    [Fact]
    public async Task A_refused_circuit_closing_does_not_free_a_place()
    {
        await OpenAsync("tara");
        await OpenAsync("tara");
        var (refusedHandler, refused, _) = await OpenAsync("tara");

        await refusedHandler.OnCircuitClosedAsync(null!, CancellationToken.None);

        Assert.True(refused.Refused);
        Assert.Equal(2, _cap.OpenFor("tara"));
    }

    private async Task<(CircuitCapHandler Handler, CircuitAdmission Admission, AuthenticationStateProvider Authentication)> OpenAsync(string userId)
    {
        var authentication = new ServerAuthenticationStateProvider();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")))));
        var admission = new CircuitAdmission();
        var handler = new CircuitCapHandler(_cap, admission, authentication, NullLogger<CircuitCapHandler>.Instance);
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        return (handler, admission, authentication);
    }
}
