using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

public sealed record UserListQuery(string? Search = null, string? Role = null, string? Department = null);

/// <summary>The list of accounts for administrators: searched, filtered and paged in the database.</summary>
public sealed class UserQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, RefusalAudit refusals) : IUseCases
{
    public async Task<Page<UserListRow>> ListAsync(UserListQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await EnsureAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(query.Department))
        {
            users = users.Where(u => u.Department!.Name == query.Department);
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await RowsAsync(db, users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Skip(page.Skip).Take(page.SafeSize), cancellationToken);
        return new Page<UserListRow>(rows, total);
    }

    /// <summary>One account as the list shows it, read again: after a conflict the Users dialog saves against its current version.</summary>
    public async Task<UserListRow> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await EnsureAdministratorAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await RowsAsync(db, db.Users.AsNoTracking().Where(u => u.Id == userId), cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("That account no longer exists.");
    }

    private async Task EnsureAdministratorAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, "Only administrators can see the list of users.", cancellationToken);
        }
    }

    private async Task<List<UserListRow>> RowsAsync(ElearningRolloutDbContext db, IQueryable<Identity.ApplicationUser> users, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // One statement: a person has a few roles and at most a couple of company logins, so their product per row stays small.
        var rows = await users
            .AsSingleQuery()
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, Department = u.Department!.Name, u.IsDisabled, u.LockoutEnd, u.ConcurrencyStamp,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                Logins = db.UserLogins.Where(l => l.UserId == u.Id)
                    .Select(l => new ProviderLoginRow(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName ?? l.LoginProvider)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new UserListRow(r.Id, r.DisplayName, r.Email ?? "", r.Department,
            r.Roles.OrderBy(x => x).ToList(), r.IsDisabled, r.LockoutEnd > now, r.Logins, r.ConcurrencyStamp ?? "")).ToList();
    }

    public static IReadOnlyList<string> RoleChoices => Roles.All;
}
