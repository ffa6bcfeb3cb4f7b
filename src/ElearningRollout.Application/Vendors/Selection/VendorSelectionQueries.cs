using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>What the vendor-selection page shows; everyone signed in reads it.</summary>
public sealed class VendorSelectionQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RolloutPeopleRules people) : IUseCases
{
    public const int MaxVendorChoices = 20;

    /// <summary>Three queries whatever the size: the rollout, the selection with its rows, and the names it shows.</summary>
    public async Task<SelectionPageView> GetAsync(string rolloutCode, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await RolloutFacts.FindAsync(db, rolloutCode, cancellationToken);
        var selection = await db.VendorSelections.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(s => s.RolloutId == rollout.Id, cancellationToken);
        var canManage = SelectionAccess.CanManage(actor, rollout.TrainingOwnerId) && !rollout.IsFinal;
        var page = new SelectionPageView(
            rollout.Code, rollout.Title, rollout.IsFinal, canManage, SelectionAccess.CanScore(actor) && !rollout.IsFinal,
            SelectionAccess.CanChooseWinner(actor, rollout.TrainingOwnerId) && !rollout.IsFinal, null);
        return selection is null ? page : page with { Selection = await ViewAsync(db, selection, actor, cancellationToken) };
    }

    /// <summary>Vendors from the registry that are not candidates yet, by name; at most <see cref="MaxVendorChoices"/>.</summary>
    public async Task<IReadOnlyList<VendorChoice>> VendorChoicesAsync(string rolloutCode, string? search, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await RolloutFacts.FindAsync(db, rolloutCode, cancellationToken);
        var candidates = db.VendorSelections.Where(s => s.RolloutId == rollout.Id).SelectMany(s => s.Candidates.Select(c => c.VendorId));
        var vendors = db.Vendors.AsNoTracking().Where(v => !candidates.Contains(v.Id));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            vendors = vendors.Where(v => v.Name.ToLower().Contains(term));
        }

        return await vendors.OrderBy(v => v.Name).Take(MaxVendorChoices).Select(v => new VendorChoice(v.Id, v.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Training managers and IT leads, who may sit on a panel.</summary>
    public async Task<IReadOnlyList<PersonChoice>> EvaluatorChoicesAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        var trainers = await people.InRoleAsync(Roles.TrainingManager, cancellationToken);
        var itLeads = await people.InRoleAsync(Roles.ItLead, cancellationToken);
        return trainers.Concat(itLeads).DistinctBy(p => p.Id).OrderBy(p => p.DisplayName).ToList();
    }

    private static async Task<SelectionView> ViewAsync(ElearningRolloutDbContext db, VendorSelection selection, Actor actor, CancellationToken cancellationToken)
    {
        var vendorNames = await VendorSelectionCommands.CandidateNamesAsync(db, selection, cancellationToken);
        var userIds = selection.Evaluators.Select(e => e.EvaluatorId).Append(selection.DecidedById ?? "").ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var ranking = selection.Rank(vendorNames);
        var criteria = selection.Criteria.OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Name, c.Weight, c.MustHave)).ToList();
        var candidates = selection.Candidates.Select(c => new CandidateView(c.VendorId, vendorNames.GetValueOrDefault(c.VendorId, "Unknown vendor")))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var evaluators = ranking.Evaluators
            .Select(e => new EvaluatorView(e.EvaluatorId, userNames.GetValueOrDefault(e.EvaluatorId, "Unknown person"), e.Scored, e.Expected, e.IsPending, e.Scored > 0))
            .OrderBy(e => e.DisplayName).ToList();
        var mine = selection.Scores.Where(s => s.EvaluatorId == actor.UserId).ToDictionary(s => (s.VendorId, s.CriterionId), s => s.Score);
        var decision = selection.WinnerVendorId is { } winner
            ? new SelectionDecision(winner, vendorNames.GetValueOrDefault(winner, "Unknown vendor"),
                userNames.GetValueOrDefault(selection.DecidedById ?? "", "Unknown person"), selection.DecidedAt!.Value, selection.WinningEngagementId)
            : null;
        return new SelectionView(
            selection.Id, selection.EngagementType, selection.Status, selection.Version, criteria, candidates, evaluators, ranking.Candidates, mine,
            selection.Evaluators.Any(e => e.EvaluatorId == actor.UserId), decision);
    }
}
