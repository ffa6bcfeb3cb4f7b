using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Application.Identity;

/// <summary>
/// Identity checks the minimum length; this adds the maximum (128), as ASVS asks,
/// so that a huge password cannot be used to make hashing expensive.
/// </summary>
public sealed class PasswordLengthValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is { Length: > MaximumLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords must be at most {MaximumLength} characters.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
