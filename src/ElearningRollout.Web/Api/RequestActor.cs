using Microsoft.AspNetCore.Components.Authorization;

namespace ElearningRollout.Web.Api;

internal static class RequestActor
{
    /// <summary>
    /// Outside a circuit, tells the application layer who asks the way Blazor's static pages do: the request's user
    /// becomes the authentication state that <c>ICurrentActor</c> reads.
    /// </summary>
    public static void UseRequestUser(this AuthenticationStateProvider authentication, HttpContext http)
    {
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }
    }
}
