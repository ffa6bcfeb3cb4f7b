using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Common;

/// <summary>What a place (a rollout's owner, liaison or sponsor, a reviewer, a stand-in) asks of the person put in it.</summary>
internal enum PlaceFit
{
    /// <summary>An active account holding one of the place's roles.</summary>
    Fits,

    /// <summary>No such account, or it holds none of the roles.</summary>
    LacksRole,

    /// <summary>Holds the role, but the account is disabled (by an administrator or by the company directory).</summary>
    Inactive,
}

/// <summary>The questions about people that rules ask the database: is the account active, may it take a place.</summary>
internal static class People
{
    public static Task<bool> IsActiveAsync(ElearningRolloutDbContext db, string userId, CancellationToken cancellationToken)
        => db.Users.AnyAsync(u => u.Id == userId && !u.IsDisabled, cancellationToken);

    public static Task<PlaceFit> FitAsync(ElearningRolloutDbContext db, string userId, string role, CancellationToken cancellationToken)
        => FitAsync(db, userId, [role], cancellationToken);

    /// <summary>
    /// Whether the person may take a place that asks for one of <paramref name="roles"/>, in one query. A disabled account
    /// keeps its roles (SCIM's delete disables), so holding the role is not enough: work handed to someone who left waits
    /// for nobody.
    /// </summary>
    public static async Task<PlaceFit> FitAsync(ElearningRolloutDbContext db, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var person = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.IsDisabled,
                InRole = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return person is not { InRole: true } ? PlaceFit.LacksRole
            : person.IsDisabled ? PlaceFit.Inactive
            : PlaceFit.Fits;
    }
}
