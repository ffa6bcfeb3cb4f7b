using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Identity.Provisioning;

/// <summary>
/// What an identity provider may do to accounts through SCIM, in the product's rules: create an account (no password:
/// the person signs in through single sign-on), replace its details, disable and re-enable it (a delete disables too;
/// an account is never removed, its name stays on the record it made), and give or take the four roles by group
/// membership. The account rules are the Users page's (<see cref="AccountRules"/>): the last active administrator keeps
/// the role and stays enabled. Every change renews the account's security stamp, so the person's open sessions and
/// circuits pick it up on their next action, and is written to the audit trail in the token's name.
/// </summary>
public sealed class AccountProvisioning(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    UserManager<ApplicationUser> users,
    EditPipeline edits,
    IOptions<ProvisioningOptions> options) : IFeatureService
{
    public const int MaxPageSize = 200;

    /// <summary>The provider acts on the strength of its token alone; <see cref="ScimClient"/> is the proof of that.</summary>
    private static readonly EditAccess<EditContext> Provisioning = new(_ => { });

    public async Task<ProvisionedPage<ProvisionedAccountView>> ListAsync(
        ScimClient client, ProvisionedAccountFilter filter, int startIndex, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = db.Users.AsNoTracking();
        if (filter.UserName is { } userName)
        {
            var normalized = users.NormalizeName(userName.Trim());
            accounts = accounts.Where(u => u.NormalizedUserName == normalized);
        }

        if (filter.ExternalId is { } externalId)
        {
            accounts = accounts.Where(u => u.ExternalId == externalId);
        }

        var total = await accounts.CountAsync(cancellationToken);
        var page = await ViewsAsync(db, accounts.OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id)
            .Skip(Math.Max(startIndex, 1) - 1).Take(Math.Clamp(count, 0, MaxPageSize)), cancellationToken);
        return new ProvisionedPage<ProvisionedAccountView>(page, total);
    }

    public async Task<ProvisionedAccountView> GetAsync(ScimClient client, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ViewsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == id), cancellationToken)).SingleOrDefault() ?? throw NoAccount(id);
    }

    public async Task<ProvisionedAccountView> CreateAsync(ScimClient client, ProvisionedAccountDraft draft, CancellationToken cancellationToken = default)
    {
        var id = await edits.ActAsAsync(client.Actor, Provisioning, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var (userName, email) = Addresses(draft);
            await EnsureUnclaimedAsync(e, null, userName, email, ct);
            var departmentName = draft.Department ?? options.Value.DefaultDepartment;
            var department = await ProvisionedDepartments.FindAsync(e.Db, departmentName, ct)
                ?? throw new DomainException($"The default department for provisioned accounts, \"{departmentName}\" (Scim:DefaultDepartment), does not exist here.");
            var user = ApplicationUser.WithEmail(email, draft.DisplayName.Trim(), department.Id);
            user.UserName = userName;
            user.IsDisabled = !draft.Active;
            user.ExternalId = draft.ExternalId;
            AccountRules.EnsureSucceeded(await users.CreateAsync(user));
            Record(e, user.Id, "AccountProvisioned", null, new { user.UserName, user.DisplayName, Department = department.Name, Active = draft.Active, user.ExternalId });
            return user.Id;
        }, cancellationToken);
        return await GetAsync(client, id, cancellationToken);
    }

    /// <summary>Replaces the account's details with the draft; a department left out stays as it is.</summary>
    public async Task<ProvisionedAccountView> ReplaceAsync(ScimClient client, string id, ProvisionedAccountDraft draft, CancellationToken cancellationToken = default)
    {
        await edits.ActAsAsync(client.Actor, Provisioning, async (e, ct) =>
        {
            var user = await FindAsync(id);
            await e.EnsureValidAsync(draft, ct);
            var (userName, email) = Addresses(draft);
            await EnsureUnclaimedAsync(e, user.Id, userName, email, ct);
            var department = draft.Department is { } name ? await ProvisionedDepartments.FindAsync(e.Db, name, ct) : null;
            var before = await DetailsAsync(e, user, ct);
            if (!draft.Active && !user.IsDisabled && await users.IsInRoleAsync(user, Roles.Administrator))
            {
                await AccountRules.EnsureAnotherActiveAdministratorAsync(users, user, ct);
            }

            user.UserName = userName;
            user.Email = email;
            user.DisplayName = draft.DisplayName.Trim();
            user.DepartmentId = department?.Id ?? user.DepartmentId;
            user.ExternalId = draft.ExternalId;
            var wasDisabled = user.IsDisabled;
            user.IsDisabled = !draft.Active;
            var after = await DetailsAsync(e, user, ct);
            if (before == after && wasDisabled == user.IsDisabled)
            {
                return true;
            }

            AccountRules.EnsureSucceeded(await users.UpdateAsync(user));
            // The name, department and standing are in the person's sign-in: open sessions and circuits re-check it on their next action.
            await users.UpdateSecurityStampAsync(user);
            if (before != after)
            {
                Record(e, user.Id, "AccountProvisioningChanged", before, after);
            }

            if (wasDisabled != user.IsDisabled)
            {
                Record(e, user.Id, user.IsDisabled ? "AccountDisabled" : "AccountEnabled", null, null);
            }

            return true;
        }, cancellationToken);
        return await GetAsync(client, id, cancellationToken);
    }

    /// <summary>SCIM's delete: the account is disabled, never removed (its name stays on everything it did).</summary>
    public Task DisableAsync(ScimClient client, string id, CancellationToken cancellationToken = default)
        => edits.ActAsAsync(client.Actor, Provisioning, async (e, ct) =>
        {
            var user = await FindAsync(id);
            if (user.IsDisabled)
            {
                return true;
            }

            if (await users.IsInRoleAsync(user, Roles.Administrator))
            {
                await AccountRules.EnsureAnotherActiveAdministratorAsync(users, user, ct);
            }

            user.IsDisabled = true;
            AccountRules.EnsureSucceeded(await users.UpdateAsync(user));
            await users.UpdateSecurityStampAsync(user);
            Record(e, user.Id, "AccountDisabled", null, new { Through = "SCIM delete" });
            return true;
        }, cancellationToken);

    /// <summary>The role a group's id or display name stands for: the role's name or the name people read ("IT lead"), any case.</summary>
    public static string? RoleOf(string? groupIdOrName)
        => Roles.All.FirstOrDefault(r => string.Equals(r, groupIdOrName?.Trim(), StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(Roles.DisplayName(r), groupIdOrName?.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task<ProvisionedPage<ProvisionedGroupView>> GroupsAsync(
        ScimClient client, string? displayName, int startIndex, int count, bool withMembers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var roles = displayName is null ? Roles.All : RoleOf(displayName) is { } named ? [named] : [];
        var page = roles.Skip(Math.Max(startIndex, 1) - 1).Take(Math.Clamp(count, 0, MaxPageSize)).ToList();
        var views = new List<ProvisionedGroupView>();
        foreach (var role in page)
        {
            views.Add(await GroupViewAsync(role, withMembers, cancellationToken));
        }

        return new ProvisionedPage<ProvisionedGroupView>(views, roles.Count);
    }

    public async Task<ProvisionedGroupView> GroupAsync(ScimClient client, string groupId, bool withMembers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await GroupViewAsync(RoleOf(groupId) ?? throw NoGroup(groupId), withMembers, cancellationToken);
    }

    /// <summary>Gives the group's role to <paramref name="add"/> and takes it from <paramref name="remove"/>.</summary>
    public Task ChangeMembersAsync(
        ScimClient client, string groupId, IReadOnlyCollection<string> add, IReadOnlyCollection<string> remove, CancellationToken cancellationToken = default)
        => edits.ActAsAsync(client.Actor, Provisioning, async (e, ct) =>
        {
            var role = RoleOf(groupId) ?? throw NoGroup(groupId);
            await ChangeMembershipAsync(e, role, add.Except(remove).Distinct().ToList(), remove.Distinct().ToList(), ct);
            return true;
        }, cancellationToken);

    /// <summary>Makes exactly <paramref name="members"/> hold the group's role (SCIM's replace of members).</summary>
    public Task ReplaceMembersAsync(ScimClient client, string groupId, IReadOnlyCollection<string> members, CancellationToken cancellationToken = default)
        => edits.ActAsAsync(client.Actor, Provisioning, async (e, ct) =>
        {
            var role = RoleOf(groupId) ?? throw NoGroup(groupId);
            var current = (await users.GetUsersInRoleAsync(role)).Select(u => u.Id).ToList();
            await ChangeMembershipAsync(e, role, members.Except(current).Distinct().ToList(), current.Except(members).ToList(), ct);
            return true;
        }, cancellationToken);

    private async Task ChangeMembershipAsync(EditContext e, string role, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken cancellationToken)
    {
        var people = new List<(ApplicationUser User, bool Add)>();
        var unknown = new List<string>();
        foreach (var (id, adding) in add.Select(id => (id, true)).Concat(remove.Select(id => (id, false))))
        {
            if (await users.FindByIdAsync(id) is { } user)
            {
                people.Add((user, adding));
            }
            else if (adding)
            {
                unknown.Add(id);
            }
        }

        // Removing someone who is not there is already done; adding someone unknown is the provider's mistake.
        if (unknown.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["members"] = [$"No account has the id {string.Join(", ", unknown)}; create the user first."],
            });
        }

        // Checked for the whole change before any of it is made: a refusal leaves every membership as it was.
        if (role == Roles.Administrator && people.Any(p => !p.Add))
        {
            var removed = people.Where(p => !p.Add).Select(p => p.User.Id).ToHashSet();
            var remaining = (await users.GetUsersInRoleAsync(Roles.Administrator)).Where(u => !u.IsDisabled && !removed.Contains(u.Id))
                .Concat(people.Where(p => p.Add && !p.User.IsDisabled).Select(p => p.User));
            if (!remaining.Any())
            {
                throw new DomainException(AccountRules.LastAdministrator);
            }
        }

        foreach (var (user, adding) in people)
        {
            var before = await users.GetRolesAsync(user);
            if (before.Contains(role) == adding)
            {
                continue;
            }

            AccountRules.EnsureSucceeded(adding ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role));
            // A new security stamp makes open sessions pick up the new roles on their next action.
            await users.UpdateSecurityStampAsync(user);
            var after = adding ? before.Append(role) : before.Where(r => r != role);
            Record(e, user.Id, "RolesChanged", new { Roles = before.Order() }, new { Roles = after.Order() });
            // Identity has saved this person's change: its audit entry is saved with it, whatever happens to the next one.
            await e.Db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<ProvisionedGroupView> GroupViewAsync(string role, bool withMembers, CancellationToken cancellationToken)
    {
        if (!withMembers)
        {
            return new ProvisionedGroupView(role, []);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var members = await users.GetUsersInRoleAsync(role);
        return new ProvisionedGroupView(role, members.OrderBy(u => u.NormalizedUserName).Select(u => new ProvisionedMemberRow(u.Id, u.DisplayName)).ToList());
    }

    private static async Task<IReadOnlyList<ProvisionedAccountView>> ViewsAsync(
        ElearningRolloutDbContext db, IQueryable<ApplicationUser> accounts, CancellationToken cancellationToken)
    {
        var rows = await accounts.Select(u => new
        {
            u.Id, u.UserName, u.DisplayName, u.Email, Department = u.Department!.Name, u.IsDisabled, u.ExternalId,
        }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ProvisionedAccountView(
                r.Id, r.UserName ?? "", r.DisplayName, r.Email, r.Department, !r.IsDisabled, r.ExternalId,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).Order().ToList()))
            .ToList();
    }

    private sealed record Details(string? UserName, string? Email, string DisplayName, string? Department, string? ExternalId);

    private static async Task<Details> DetailsAsync(EditContext e, ApplicationUser user, CancellationToken cancellationToken)
        => new(user.UserName, user.Email, user.DisplayName,
            await e.Db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken), user.ExternalId);

    private static (string UserName, string Email) Addresses(ProvisionedAccountDraft draft)
    {
        var userName = draft.UserName.Trim();
        return (userName, string.IsNullOrWhiteSpace(draft.Email) ? userName : draft.Email.Trim());
    }

    /// <summary>One account per user name and per e-mail (the sign-in form takes the e-mail): another account's is a conflict.</summary>
    private async Task EnsureUnclaimedAsync(EditContext e, string? self, string userName, string email, CancellationToken cancellationToken)
    {
        var normalizedName = users.NormalizeName(userName);
        var normalizedEmail = users.NormalizeEmail(email);
        if (await e.Db.Users.AnyAsync(u => u.Id != self && u.NormalizedUserName == normalizedName, cancellationToken))
        {
            throw new AccountTakenException($"Another account already has the userName {userName}.");
        }

        if (await e.Db.Users.AnyAsync(u => u.Id != self && u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            throw new AccountTakenException($"Another account already has the e-mail {email}.");
        }
    }

    private async Task<ApplicationUser> FindAsync(string id) => await users.FindByIdAsync(id) ?? throw NoAccount(id);

    private static NotFoundException NoAccount(string id) => new($"No account has the id {id}.");

    private static NotFoundException NoGroup(string id)
        => new($"No group {id}: the groups here are the four roles, {string.Join(", ", Roles.All)}.");

    private static void Record(EditContext e, string userId, string action, object? before, object? after)
        => AccountRules.Record(e, userId, action, before, after);
}
