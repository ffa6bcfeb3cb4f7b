using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Claims;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Whether a signed-in principal still speaks for an account in good standing: the account exists, is not disabled,
/// is not locked out, and its security stamp is the one the principal was issued with (disabling, role and department
/// changes, a password change and a two-factor reset all renew it). Checked on every HTTP request (the cookie) and on
/// every command or query of an open circuit (<see cref="PrincipalCurrentActor"/>), so such a change takes effect at
/// once rather than at the next 5-minute security stamp check.
/// </summary>
/// <remarks>
/// One small query per account, kept for <see cref="Freshness"/> so static files and bursts of requests cost nothing;
/// every change through <see cref="UserManager{TUser}"/> on this instance (<see cref="StandingAwareUserManager"/>)
/// forgets the entry at once. Another instance of the app sees a change within <see cref="Freshness"/>.
/// </remarks>
public sealed class AccountStanding(IDbContextFactory<ElearningRolloutDbContext> dbFactory, IOptions<IdentityOptions> identityOptions)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (Standing? Standing, long ReadAt)> _cache = new(StringComparer.Ordinal);

    private sealed record Standing(string? SecurityStamp, bool IsDisabled, DateTimeOffset? LockoutEnd);

    public async Task<bool> IsGoodAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        if (userId is null)
        {
            return false;
        }

        var standing = await ReadAsync(userId, cancellationToken);
        return standing is { IsDisabled: false }
            && (standing.LockoutEnd is null || standing.LockoutEnd <= DateTimeOffset.UtcNow)
            && standing.SecurityStamp == principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    private async Task<Standing?> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(userId, out var cached) && Stopwatch.GetElapsedTime(cached.ReadAt) < Freshness)
        {
            return cached.Standing;
        }

        var readAt = Stopwatch.GetTimestamp();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var standing = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new Standing(u.SecurityStamp, u.IsDisabled, u.LockoutEnd))
            .FirstOrDefaultAsync(cancellationToken);
        _cache[userId] = (standing, readAt);
        return standing;
    }

    /// <summary>Every request with a sign-in cookie: an account no longer in good standing is signed out there and then.</summary>
    public static void ValidateCookieOnEveryRequest(CookieAuthenticationOptions cookie)
    {
        var next = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var standing = context.HttpContext.RequestServices.GetRequiredService<AccountStanding>();
            if (context.Principal is null || !await standing.IsGoodAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            await next(context);
        };
    }
}

/// <summary>Identity's user manager, telling <see cref="AccountStanding"/> to forget an account whenever it is saved.</summary>
public sealed class StandingAwareUserManager(
        IUserStore<ApplicationUser> store,
        IOptions<IdentityOptions> optionsAccessor,
        IPasswordHasher<ApplicationUser> passwordHasher,
        IEnumerable<IUserValidator<ApplicationUser>> userValidators,
        IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
        ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors,
        IServiceProvider services,
        ILogger<UserManager<ApplicationUser>> logger,
        AccountStanding standing)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        try
        {
            return await base.UpdateUserAsync(user);
        }
        finally
        {
            standing.Forget(user.Id);
        }
    }
}
