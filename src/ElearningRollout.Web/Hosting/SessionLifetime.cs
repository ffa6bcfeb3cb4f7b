using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// How long a sign-in lasts (ASVS 7.3): it ends after 30 minutes without activity and, however active,
/// 12 hours after the password was typed. The cookie slides with every request; the sign-in time travels
/// in the cookie's properties, so the absolute limit survives every renewal. Open circuits have their own
/// idle timer (<see cref="CircuitIdleTimeout"/>), because a Blazor page talks over its circuit, not HTTP.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    private const string SignedInAtKey = ".elr.signed-in-at";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.ExpireTimeSpan = Idle;
        cookie.SlidingExpiration = true;

        // Identity put the security stamp check here already; it still runs, after the absolute limit.
        var validateSecurityStamp = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnSigningIn = context =>
        {
            // A refresh (after a password or two-factor change) signs in again with the same properties: keep the first time.
            context.Properties.Items.TryAdd(SignedInAtKey, Now(context.Options).ToString("O", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var signedInAt = context.Properties.Items.TryGetValue(SignedInAtKey, out var stored) && stored is not null
                ? DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture)
                : context.Properties.IssuedUtc;
            if (signedInAt is null || Now(context.Options) - signedInAt > Absolute)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await validateSecurityStamp(context);
        };
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
