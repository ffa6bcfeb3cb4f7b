using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Common;

/// <summary>The questions about people that rules ask the database: is the account active, does it hold a role.</summary>
internal static class People
{
    public static Task<bool> IsActiveAsync(ElearningRolloutDbContext db, string userId, CancellationToken cancellationToken)
        => db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken);

    public static Task<bool> HoldsRoleAsync(ElearningRolloutDbContext db, string userId, string role, CancellationToken cancellationToken)
        => HoldsAnyRoleAsync(db, userId, [role], cancellationToken);

    public static Task<bool> HoldsAnyRoleAsync(ElearningRolloutDbContext db, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
        => (from userRole in db.UserRoles
            join r in db.Roles on userRole.RoleId equals r.Id
            where userRole.UserId == userId && roles.Contains(r.Name!)
            select userRole).AnyAsync(cancellationToken);
}
