using System.Security.Cryptography;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>The form model for a new account.</summary>
public sealed class NewUserDraft
{
    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string Department { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// Administrators manage accounts: create (with a one-time password to hand over), change roles and department,
/// disable and enable, unlock, reset two-factor, unlink a company account (single sign-on). Every change is audited in
/// the same transaction as the change itself (<see cref="AccountEdit"/>). The product must always keep an
/// administrator: the last one cannot lose the role or be disabled, and nobody disables themself.
/// </summary>
public sealed class UserCommands(IServiceProvider services, EditPipeline edits) : IUseCases
{
    /// <summary>Creates the account and returns its one-time password, shown once to the administrator.</summary>
    public Task<string> CreateAsync(NewUserDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            return await AccountEdit.InTransactionAsync(e, services, async (accounts, ct) =>
            {
                var password = OneTimePassword();
                var user = ApplicationUser.WithEmail(draft.Email.Trim(), draft.DisplayName.Trim(), (await DepartmentIdAsync(e, draft.Department, ct))!.Value);
                EnsureSucceeded(await accounts.CreateAsync(user, password));
                EnsureSucceeded(await accounts.AddToRolesAsync(user, draft.Roles.Distinct()));
                AccountRules.Record(e, user.Id, "AccountCreated", null, new { user.DisplayName, draft.Department, Roles = draft.Roles });
                return password;
            }, ct);
        }, cancellationToken);

    /// <summary>
    /// The Users dialog's save: the account's department and roles, against the account as the administrator saw it
    /// (<paramref name="expectedConcurrencyStamp"/>, Identity's <see cref="Microsoft.AspNetCore.Identity.IdentityUser.ConcurrencyStamp"/>
    /// from <see cref="UserListRow"/>). Anyone's change since (another administrator, SCIM, a sign-in through the
    /// identity provider refreshing roles) is a conflict, not silently undone. Both are saved or neither, with a new
    /// security stamp (open sessions pick up the change) and one audit entry.
    /// </summary>
    public Task ChangeAccountAsync(string userId, AccountChangeDraft draft, string expectedConcurrencyStamp, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var roles = draft.Roles.Distinct().ToList();
            await AccountEdit.RunAsync(e, services, userId, expectedConcurrencyStamp, async (account, ct) =>
            {
                var user = account.Account;
                var beforeRoles = await account.Accounts.GetRolesAsync(user);
                var beforeDepartment = await e.Db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleAsync(ct);
                var departmentChanged = beforeDepartment != draft.Department;
                if (!departmentChanged && beforeRoles.Order().SequenceEqual(roles.Order()))
                {
                    return;
                }

                user.DepartmentId = (await DepartmentIdAsync(e, draft.Department, ct))!.Value;
                await account.EnsureSucceededAsync(await account.Accounts.UpdateAsync(user), ct);
                await account.EnsureSucceededAsync(await account.Accounts.RemoveFromRolesAsync(user, beforeRoles.Except(roles)), ct);
                await account.EnsureSucceededAsync(await account.Accounts.AddToRolesAsync(user, roles.Except(beforeRoles)), ct);
                // A new security stamp makes open sessions pick up the new roles and department at the next revalidation.
                await account.EnsureSucceededAsync(await account.Accounts.UpdateSecurityStampAsync(user), ct);
                account.Record("AccountChanged",
                    new { Department = beforeDepartment, Roles = beforeRoles.Order() },
                    new { draft.Department, Roles = roles.Order() });
                if (beforeRoles.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator))
                {
                    await account.EnsureAnotherActiveAdministratorAsync(ct);
                }
            }, ct);
            return true;
        }, cancellationToken);

    private static readonly EditAccess<EditContext> Administering = new(e => EnsureAdministrator(e.Actor));

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
        => ChangeAsync(userId, async (account, ct) =>
        {
            if (disabled && userId == account.Edit.Actor.UserId)
            {
                throw new DomainException("You cannot disable your own account.");
            }

            var user = account.Account;
            user.IsDisabled = disabled;
            await account.EnsureSucceededAsync(await account.Accounts.UpdateAsync(user), ct);
            // Disabling renews the stamp: the cookie and open circuits check the account's standing on their next request or action.
            await account.EnsureSucceededAsync(await account.Accounts.UpdateSecurityStampAsync(user), ct);
            account.Record(disabled ? "AccountDisabled" : "AccountEnabled", null, null);
            if (disabled && await account.Accounts.IsInRoleAsync(user, Roles.Administrator))
            {
                await account.EnsureAnotherActiveAdministratorAsync(ct);
            }
        }, cancellationToken);

    public Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
        => ChangeAsync(userId, async (account, ct) =>
        {
            await account.EnsureSucceededAsync(await account.Accounts.SetLockoutEndDateAsync(account.Account, null), ct);
            await account.EnsureSucceededAsync(await account.Accounts.ResetAccessFailedCountAsync(account.Account), ct);
            account.Record("AccountUnlocked", null, null);
        }, cancellationToken);

    public Task ResetTwoFactorAsync(string userId, CancellationToken cancellationToken = default)
        => ChangeAsync(userId, async (account, ct) =>
        {
            await account.EnsureSucceededAsync(await account.Accounts.SetTwoFactorEnabledAsync(account.Account, false), ct);
            await account.EnsureSucceededAsync(await account.Accounts.ResetAuthenticatorKeyAsync(account.Account), ct);
            account.Record("TwoFactorReset", null, null);
        }, cancellationToken);

    /// <summary>
    /// Unlinks a company account (single sign-on) from this account: the next sign-in through the provider is treated as
    /// a first one again (linked only on a verified e-mail). The security stamp is renewed, so open sessions end.
    /// </summary>
    public Task RemoveProviderLoginAsync(string userId, string provider, string providerKey, CancellationToken cancellationToken = default)
        => ChangeAsync(userId, async (account, ct) =>
        {
            var user = account.Account;
            var login = (await account.Accounts.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == provider && l.ProviderKey == providerKey)
                ?? throw new NotFoundException("That company account is no longer linked to this account.");
            await account.EnsureSucceededAsync(await account.Accounts.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey), ct);
            await account.EnsureSucceededAsync(await account.Accounts.UpdateSecurityStampAsync(user), ct);
            account.Record("ProviderLoginRemoved", new { Provider = login.ProviderDisplayName ?? login.LoginProvider }, null);
        }, cancellationToken);

    /// <summary>A one-click change from the Users list (no form, so no version to hold against): one transaction with its audit entry.</summary>
    private Task ChangeAsync(string userId, Func<AccountEdit, CancellationToken, Task> change, CancellationToken cancellationToken)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await AccountEdit.RunAsync(e, services, userId, expectedConcurrencyStamp: null, change, ct);
            return true;
        }, cancellationToken);

    private static void EnsureAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new AccessRefusedException(NotAnAdministrator);
        }
    }

    private const string NotAnAdministrator = "Only administrators manage accounts.";

    private static Task<int?> DepartmentIdAsync(EditContext edit, string name, CancellationToken cancellationToken)
        => edit.Db.Departments.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);

    private static void EnsureSucceeded(IdentityResult result) => AccountRules.EnsureSucceeded(result);

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): easy to read out, never on the common list.</summary>
    private static string OneTimePassword()
        => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
