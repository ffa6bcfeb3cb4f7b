using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ElearningRollout.Application.Administration;

/// <summary>
/// The rules every change of an account obeys, whoever makes it: an administrator on the Users page
/// (<see cref="UserCommands"/>) or an identity provider through SCIM (<see cref="Identity.Provisioning.AccountProvisioning"/>).
/// </summary>
internal static class AccountRules
{
    public const string LastAdministrator = "This is the last active administrator; make someone else an administrator first.";

    /// <summary>The product always keeps an active administrator: the last one neither loses the role nor is disabled.</summary>
    public static async Task EnsureAnotherActiveAdministratorAsync(UserManager<ApplicationUser> users, ApplicationUser user, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!await HasAnotherActiveAdministratorAsync(users, user))
        {
            throw new DomainException(LastAdministrator);
        }
    }

    /// <summary>Whether someone other than <paramref name="user"/> is an active administrator.</summary>
    public static async Task<bool> HasAnotherActiveAdministratorAsync(UserManager<ApplicationUser> users, ApplicationUser user)
        => (await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.Id != user.Id && !u.IsDisabled);

    /// <summary>Identity's refusals (a user name it does not accept, a duplicate) as the person's message.</summary>
    public static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
