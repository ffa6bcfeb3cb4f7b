using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>Who can be picked for a place on a rollout: the active people holding the role the place asks for.</summary>
public sealed class RolloutPeopleRules(IDbContextFactory<ElearningRolloutDbContext> dbFactory) : IFeatureService
{
    public Task<IReadOnlyList<PersonChoice>> InRoleAsync(string role, CancellationToken cancellationToken)
        => InAnyRoleAsync([role], cancellationToken);

    /// <summary>Each active person holding one of <paramref name="roles"/>, once, by name.</summary>
    public async Task<IReadOnlyList<PersonChoice>> InAnyRoleAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(user => !user.IsDisabled && db.UserRoles.Any(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(user => user.DisplayName)
            .Select(user => new PersonChoice(user.Id, user.DisplayName))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>
/// The people on a rollout must hold the role their place asks for: the owner is a training manager (the person
/// creating it, or the current owner, when none is picked), the IT liaison an IT lead, the sponsor an executive.
/// </summary>
public sealed class RolloutDraftServerRules : ServerRules<RolloutDraft>
{
    public RolloutDraftServerRules()
    {
        RuleFor(d => d.TrainingOwnerId)
            .MustAsync(async (draft, _, context, ct) =>
            {
                var edit = Edit(context);
                return await People.HoldsRoleAsync(edit.Db, RolloutCommands.OwnerOf(draft, edit), Roles.TrainingManager, ct);
            })
            .WithMessage("The training owner must be a training manager.");
        RuleFor(d => d.ItLiaisonId)
            .MustAsync(async (_, id, context, ct) => await People.HoldsRoleAsync(Edit(context).Db, id!, Roles.ItLead, ct))
            .When(d => !string.IsNullOrEmpty(d.ItLiaisonId))
            .WithMessage("The IT liaison must be an IT lead.");
        RuleFor(d => d.ExecutiveSponsorId)
            .MustAsync(async (_, id, context, ct) => await People.HoldsRoleAsync(Edit(context).Db, id!, Roles.Executive, ct))
            .When(d => !string.IsNullOrEmpty(d.ExecutiveSponsorId))
            .WithMessage("The executive sponsor must be an executive.");
    }
}
