using System.Text.Json;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
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

    /// <summary>An account change's audit entry, in the operation's context: saved with the change or not at all.</summary>
    public static void Record(EditContext edit, string userId, string action, object? before, object? after)
        => edit.Db.AuditEntries.Add(new AuditEntry
        {
            At = edit.Now,
            UserId = edit.Actor.UserId,
            UserName = edit.Actor.DisplayName,
            EntityType = "Account",
            EntityId = userId,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });

    /// <summary>
    /// Who changed an account last, for a conflict's message: its audit entries except sign-in events (a sign-in or
    /// sign-out is recorded on the account too, but changes nothing an administrator edits).
    /// </summary>
    public static ConcurrencyGuard Guard(string userId)
    {
        var signInEvents = Enum.GetNames<SignInOutcome>();
        return new ConcurrencyGuard("account", a => a.EntityType == "Account" && a.EntityId == userId && !signInEvents.Contains(a.Action));
    }
}
