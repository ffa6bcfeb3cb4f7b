using System.Security.Claims;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Hosting;

/// <summary>The actor of a circuit or request, read from the signed-in principal's claims.</summary>
internal sealed class PrincipalCurrentActor(AuthenticationStateProvider authenticationStateProvider, AdministratorTwoFactorPolicy twoFactor) : ICurrentActor
{
    public async Task<Actor?> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        return FromPrincipal(state.User) is { } actor
            ? AdministratorTwoFactor.ForSession(actor, twoFactor.SignedInWithTwoFactor(state.User), twoFactor.Required)
            : null;
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
