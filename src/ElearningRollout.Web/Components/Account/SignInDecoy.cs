using ElearningRollout.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace ElearningRollout.Web.Components.Account;

/// <summary>
/// Makes a sign-in with an e-mail that has no usable account (unknown, or disabled) look like one with a wrong password,
/// by time and by outcome: the password is checked against a dummy hash (the same PBKDF2 work as a real check), and
/// failures are counted per normalized e-mail in memory, so the fifth one within <see cref="IdentityPolicy.LockoutDuration"/>
/// shows the same lockout page for <see cref="IdentityPolicy.LockoutDuration"/> as a real account's.
/// </summary>
/// <remarks>Counts live in this instance's memory and expire 15 minutes after the last failure; a restart forgets them.</remarks>
public sealed class SignInDecoy(IMemoryCache cache, IPasswordHasher<ApplicationUser> hasher, ILookupNormalizer normalizer, TimeProvider clock)
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString("N")));

    private sealed class Failures
    {
        public int Count { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }
    }

    public bool IsLockedOut(string email)
        => cache.TryGetValue(Key(email), out Failures? failures) && failures!.LockedUntil > clock.GetUtcNow();

    /// <summary>Spends the time a real password check would, whatever the password; never succeeds.</summary>
    public void VerifyPassword(string password) => hasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);

    /// <summary>Counts a failure; true when it is the one that locks (then the lockout page is shown, as for a real account).</summary>
    public bool RecordFailure(string email)
    {
        var key = Key(email);
        lock (cache)
        {
            var failures = cache.Get<Failures>(key) ?? new Failures();
            failures.Count++;
            var lockedNow = failures.Count >= IdentityPolicy.MaxFailedAttempts;
            if (lockedNow)
            {
                failures.Count = 0;
                failures.LockedUntil = clock.GetUtcNow() + IdentityPolicy.LockoutDuration;
            }

            cache.Set(key, failures, new MemoryCacheEntryOptions { SlidingExpiration = IdentityPolicy.LockoutDuration, Size = 1 });
            return lockedNow;
        }
    }

    private string Key(string email) => "sign-in-decoy:" + normalizer.NormalizeEmail(email);
}
