using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>
/// The signed-in person as the layout's parts (menu, bell, user menu) read it from the cascading authentication state
/// instead of each keeping an AuthorizeView (docs/performance.md, "Capacity"): a sign-out elsewhere hands a new state
/// and they show nothing.
/// </summary>
public static class SignedInUser
{
    /// <summary>The person signed in, or null when nobody is (or no state cascades, as in a test without one).</summary>
    public static async Task<ClaimsPrincipal?> SignedInUserAsync(this Task<AuthenticationState>? state)
        => state is null ? null : (await state).User is { Identity.IsAuthenticated: true } user ? user : null;
}
