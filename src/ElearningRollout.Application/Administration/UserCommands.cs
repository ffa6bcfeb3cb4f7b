using System.Security.Cryptography;
using System.Text.Json;
using ElearningRollout.Application.Audit;
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
/// disable and enable, unlock, reset two-factor, unlink a company account (single sign-on). Every change is audited. The product must always keep an
/// administrator: the last one cannot lose the role or be disabled, and nobody disables themself.
/// </summary>
public sealed class UserCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    EditPipeline edits) : IUseCases
{
    /// <summary>Creates the account and returns its one-time password, shown once to the administrator.</summary>
    public Task<string> CreateAsync(NewUserDraft draft, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var email = draft.Email.Trim();
            var password = OneTimePassword();
            var user = ApplicationUser.WithEmail(email, draft.DisplayName.Trim(), (await DepartmentIdAsync(e, draft.Department, ct))!.Value);
            EnsureSucceeded(await users.CreateAsync(user, password));
            EnsureSucceeded(await users.AddToRolesAsync(user, draft.Roles.Distinct()));
            await RecordAsync(e.Actor, user, "AccountCreated", null, new { user.DisplayName, draft.Department, Roles = draft.Roles }, ct);
            return password;
        }, cancellationToken);

    public Task ChangeRolesAsync(string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(new AccountRolesDraft { Roles = [.. roles] }, ct);
            var user = await FindAsync(userId);
            var before = await users.GetRolesAsync(user);
            if (before.Contains(Roles.Administrator) && !roles.Contains(Roles.Administrator))
            {
                await EnsureAnotherActiveAdministratorAsync(user, ct);
            }

            EnsureSucceeded(await users.RemoveFromRolesAsync(user, before.Except(roles)));
            EnsureSucceeded(await users.AddToRolesAsync(user, roles.Except(before)));
            // A new security stamp makes open sessions pick up the new roles at the next revalidation.
            await users.UpdateSecurityStampAsync(user);
            await RecordAsync(e.Actor, user, "RolesChanged", new { Roles = before.Order() }, new { Roles = roles.Order() }, ct);
            return true;
        }, cancellationToken);

    public Task ChangeDepartmentAsync(string userId, string department, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            await e.EnsureValidAsync(new AccountDepartmentDraft { Department = department }, ct);
            var user = await FindAsync(userId);
            var before = user.DepartmentId;
            user.DepartmentId = (await DepartmentIdAsync(e, department, ct))!.Value;
            EnsureSucceeded(await users.UpdateAsync(user));
            await users.UpdateSecurityStampAsync(user);
            await RecordAsync(e.Actor, user, "DepartmentChanged", new { DepartmentId = before }, new { Department = department }, ct);
            return true;
        }, cancellationToken);

    private static readonly EditAccess<EditContext> Administering = new(e => EnsureAdministrator(e.Actor));

    public Task SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            if (disabled && userId == e.Actor.UserId)
            {
                throw new DomainException("You cannot disable your own account.");
            }

            var user = await FindAsync(userId);
            if (disabled && await users.IsInRoleAsync(user, Roles.Administrator))
            {
                await EnsureAnotherActiveAdministratorAsync(user, ct);
            }

            user.IsDisabled = disabled;
            EnsureSucceeded(await users.UpdateAsync(user));
            // Disabling renews the stamp: the cookie and open circuits check the account's standing on their next request or action.
            await users.UpdateSecurityStampAsync(user);
            await RecordAsync(e.Actor, user, disabled ? "AccountDisabled" : "AccountEnabled", null, null, ct);
            return true;
        }, cancellationToken);

    public Task UnlockAsync(string userId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var user = await FindAsync(userId);
            EnsureSucceeded(await users.SetLockoutEndDateAsync(user, null));
            EnsureSucceeded(await users.ResetAccessFailedCountAsync(user));
            await RecordAsync(e.Actor, user, "AccountUnlocked", null, null, ct);
            return true;
        }, cancellationToken);

    public Task ResetTwoFactorAsync(string userId, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var user = await FindAsync(userId);
            EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, false));
            EnsureSucceeded(await users.ResetAuthenticatorKeyAsync(user));
            await RecordAsync(e.Actor, user, "TwoFactorReset", null, null, ct);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Unlinks a company account (single sign-on) from this account: the next sign-in through the provider is treated as
    /// a first one again (linked only on a verified e-mail). The security stamp is renewed, so open sessions end.
    /// </summary>
    public Task RemoveProviderLoginAsync(string userId, string provider, string providerKey, CancellationToken cancellationToken = default)
        => edits.ActAsync(Administering, async (e, ct) =>
        {
            var user = await FindAsync(userId);
            var login = (await users.GetLoginsAsync(user)).FirstOrDefault(l => l.LoginProvider == provider && l.ProviderKey == providerKey)
                ?? throw new NotFoundException("That company account is no longer linked to this account.");
            EnsureSucceeded(await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey));
            await users.UpdateSecurityStampAsync(user);
            await RecordAsync(e.Actor, user, "ProviderLoginRemoved", new { Provider = login.ProviderDisplayName ?? login.LoginProvider }, null, ct);
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

    private async Task<ApplicationUser> FindAsync(string userId)
        => await users.FindByIdAsync(userId) ?? throw new NotFoundException("That account no longer exists.");

    private Task EnsureAnotherActiveAdministratorAsync(ApplicationUser user, CancellationToken cancellationToken)
        => AccountRules.EnsureAnotherActiveAdministratorAsync(users, user, cancellationToken);

    private static Task<int?> DepartmentIdAsync(EditContext edit, string name, CancellationToken cancellationToken)
        => edit.Db.Departments.Where(d => d.Name == name).Select(d => (int?)d.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task RecordAsync(Actor admin, ApplicationUser user, string action, object? before, object? after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = admin.UserId,
            UserName = admin.DisplayName,
            EntityType = "Account",
            EntityId = user.Id,
            Action = action,
            Before = before is null ? null : JsonSerializer.Serialize(before),
            After = after is null ? null : JsonSerializer.Serialize(after),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureSucceeded(IdentityResult result) => AccountRules.EnsureSucceeded(result);

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I): easy to read out, never on the common list.</summary>
    private static string OneTimePassword()
        => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
