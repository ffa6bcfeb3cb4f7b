using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// The people on a rollout must hold the role their place asks for: the owner is a training manager,
/// the IT liaison an IT lead, the sponsor an executive. Also lists who can be picked.
/// </summary>
public sealed class RolloutPeopleRules(IDbContextFactory<ElearningRolloutDbContext> dbFactory)
{
    public async Task EnsureFitAsync(string ownerId, string? itLiaisonId, string? sponsorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (!await HoldsRoleAsync(db, ownerId, Roles.TrainingManager, cancellationToken))
        {
            errors[nameof(RolloutDraft.TrainingOwnerId)] = ["The training owner must be a training manager."];
        }

        if (!string.IsNullOrEmpty(itLiaisonId) && !await HoldsRoleAsync(db, itLiaisonId, Roles.ItLead, cancellationToken))
        {
            errors[nameof(RolloutDraft.ItLiaisonId)] = ["The IT liaison must be an IT lead."];
        }

        if (!string.IsNullOrEmpty(sponsorId) && !await HoldsRoleAsync(db, sponsorId, Roles.Executive, cancellationToken))
        {
            errors[nameof(RolloutDraft.ExecutiveSponsorId)] = ["The executive sponsor must be an executive."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }
    }

    public async Task<IReadOnlyList<PersonChoice>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from user in db.Users
                      join userRole in db.UserRoles on user.Id equals userRole.UserId
                      join r in db.Roles on userRole.RoleId equals r.Id
                      where r.Name == role && !user.IsDisabled
                      orderby user.DisplayName
                      select new PersonChoice(user.Id, user.DisplayName)).AsNoTracking().ToListAsync(cancellationToken);
    }

    private static Task<bool> HoldsRoleAsync(ElearningRolloutDbContext db, string userId, string role, CancellationToken cancellationToken)
        => (from userRole in db.UserRoles
            join r in db.Roles on userRole.RoleId equals r.Id
            where userRole.UserId == userId && r.Name == role
            select userRole).AnyAsync(cancellationToken);
}
