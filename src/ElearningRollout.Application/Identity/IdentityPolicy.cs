using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Application.Identity;

/// <summary>The account rules of the product, in one place for the host and the tests.</summary>
public static class IdentityPolicy
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;

    public static void Apply(IdentityOptions options)
    {
        // Length, not composition (NIST 800-63B / ASVS): 12 to 128 characters, anything allowed.
        options.Password.RequiredLength = PasswordLengthValidator.MinimumLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;

        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;

        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
