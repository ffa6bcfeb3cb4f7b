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
/// The people on a rollout must hold the role their place asks for, with an active account: the owner is a training
/// manager (the person creating it, or the current owner, when none is picked), the IT liaison an IT lead, the sponsor
/// an executive. A person who has left (their account disabled) cannot stay in a place either: the liaison and the
/// sponsor are the reviewers a gate goes to by default, so the next change of the rollout asks for someone active.
/// </summary>
public sealed class RolloutDraftServerRules : ServerRules<RolloutDraft>
{
    public RolloutDraftServerRules()
    {
        RuleFor(d => d.TrainingOwnerId)
            .CustomAsync((_, context, ct) =>
            {
                var edit = Edit(context);
                return Place(context, nameof(RolloutDraft.TrainingOwnerId), RolloutCommands.OwnerOf(context.InstanceToValidate, edit),
                    Roles.TrainingManager, "The training owner must be a training manager.", "training owner", ct);
            });
        RuleFor(d => d.ItLiaisonId)
            .CustomAsync((id, context, ct) => Place(context, nameof(RolloutDraft.ItLiaisonId), id!, Roles.ItLead, "The IT liaison must be an IT lead.", "IT liaison", ct))
            .When(d => !string.IsNullOrEmpty(d.ItLiaisonId));
        RuleFor(d => d.ExecutiveSponsorId)
            .CustomAsync((id, context, ct) => Place(context, nameof(RolloutDraft.ExecutiveSponsorId), id!, Roles.Executive, "The executive sponsor must be an executive.", "executive sponsor", ct))
            .When(d => !string.IsNullOrEmpty(d.ExecutiveSponsorId));
    }

    private static async Task Place(
        ValidationContext<RolloutDraft> context, string field, string userId, string role, string lacksRole, string place, CancellationToken cancellationToken)
    {
        switch (await People.FitAsync(Edit(context).Db, userId, role, cancellationToken))
        {
            case PlaceFit.LacksRole:
                context.AddFailure(field, lacksRole);
                break;
            case PlaceFit.Inactive:
                context.AddFailure(field, $"Choose the {place} from the list: that person has no active account.");
                break;
        }
    }
}
