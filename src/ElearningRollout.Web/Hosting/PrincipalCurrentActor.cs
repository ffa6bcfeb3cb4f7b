using System.Security.Claims;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// The actor of a circuit or request, read from the signed-in principal's claims, once the account is confirmed to be
/// still in good standing (<see cref="AccountStanding"/>): an open circuit of an account that was disabled, locked or
/// whose roles changed acts for nobody from its next command or query on, and shows itself signed out.
/// </summary>
internal sealed class PrincipalCurrentActor(
        AuthenticationStateProvider authenticationStateProvider, AdministratorTwoFactorPolicy twoFactor, AccountStanding standing)
    : ICurrentActor
{
    public async Task<Actor?> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        if (FromPrincipal(state.User) is not { } actor)
        {
            return null;
        }

        if (!await standing.IsGoodAsync(state.User, cancellationToken))
        {
            if (authenticationStateProvider is IHostEnvironmentAuthenticationStateProvider circuit)
            {
                circuit.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
            }

            return null;
        }

        return AdministratorTwoFactor.ForSession(actor, twoFactor.SignedInWithTwoFactor(state.User), twoFactor.Required);
    }

    public static Actor? FromPrincipal(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || userId is null)
        {
            return null;
        }

        return new Actor(
            userId,
            user.FindFirstValue(ProductClaimTypes.DisplayName) ?? user.Identity.Name ?? "",
            user.FindFirstValue(ProductClaimTypes.Department) ?? "",
            Roles.All.Where(user.IsInRole).ToHashSet());
    }
}
