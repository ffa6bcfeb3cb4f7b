using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>Running a rollout's vendor selection: start, candidates, panel, criteria, scores and the winner.</summary>
public sealed class VendorSelectionCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, CriteriaDraftValidator criteriaValidator,
    RefusalAudit refusals)
{
    /// <summary>
    /// Starts the rollout's selection for <paramref name="type"/> work, with a copy of the default criteria and a panel
    /// of the training owner and the IT liaison.
    /// </summary>
    public async Task StartAsync(string rolloutCode, EngagementType type, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await SelectionRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => SelectionAccess.EnsureCanManage(actor, rollout.TrainingOwnerId), cancellationToken);
        rollout.EnsureNotFinal();
        if (await db.VendorSelections.AnyAsync(s => s.RolloutId == rollout.Id, cancellationToken))
        {
            throw new DomainException("This rollout already has a vendor selection.");
        }

        var defaults = await db.DefaultSelectionCriteria.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var panel = new[] { rollout.TrainingOwnerId, rollout.ItLiaisonId }.OfType<string>();
        db.VendorSelections.Add(new VendorSelection(
            rollout.Id, type, defaults?.AsSpecs() ?? BuiltInSelectionCriteria.Criteria, panel, actor.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task AddCandidateAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, async (c, ct) =>
        {
            var name = await c.Db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("That vendor is not in the registry.");
            c.Selection.AddCandidate(vendorId, name, clock.GetUtcNow());
        }, cancellationToken);

    public Task RemoveCandidateAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, (c, _) => Done(() => c.Selection.RemoveCandidate(vendorId)), cancellationToken);

    /// <summary>Evaluators are training managers and IT leads: the two sides that must live with the vendor.</summary>
    public Task AddEvaluatorAsync(string rolloutCode, string userId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, async (c, ct) =>
        {
            var evaluatorRoles = new[] { Roles.TrainingManager, Roles.ItLead };
            var fits = await (from userRole in c.Db.UserRoles
                              join role in c.Db.Roles on userRole.RoleId equals role.Id
                              where userRole.UserId == userId && evaluatorRoles.Contains(role.Name!)
                              select userRole).AnyAsync(ct);
            if (!fits)
            {
                throw new DomainException("Evaluators are training managers or IT leads.");
            }

            c.Selection.AddEvaluator(userId, clock.GetUtcNow());
        }, cancellationToken);

    public Task RemoveEvaluatorAsync(string rolloutCode, string userId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, (c, _) => Done(() => c.Selection.RemoveEvaluator(userId)), cancellationToken);

    /// <summary>Add, rename, reweight, mark must-have or remove criteria, all at once (the weights total 100 only together).</summary>
    public Task ReviseCriteriaAsync(string rolloutCode, CriteriaDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ManageAsync(rolloutCode, expectedVersion, async (c, ct) =>
        {
            await criteriaValidator.EnsureValidAsync(draft, ct);
            c.Selection.ReviseCriteria(draft.ToSpecs());
        }, cancellationToken);

    /// <summary>
    /// Records the signed-in evaluator's own scores. No version: each evaluator writes only their own rows, so two
    /// evaluators saving at the same moment both keep their scores.
    /// </summary>
    public async Task RecordScoresAsync(string rolloutCode, IReadOnlyList<ScoreDraft> scores, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => SelectionAccess.EnsureCanScore(actor), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await SelectionRollout.FindAsync(db, rolloutCode, cancellationToken);
        rollout.EnsureNotFinal();
        var selection = await FindSelectionAsync(db, rollout, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var score in scores)
        {
            selection.Score(actor.UserId, score.VendorId, score.CriterionId, score.Score, now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes the selection on <paramref name="vendorId"/> and proposes its engagement on the rollout, in one save.</summary>
    public Task ChooseWinnerAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(rolloutCode, expectedVersion, SelectionAccess.EnsureCanChooseWinner, async (c, ct) =>
        {
            var now = clock.GetUtcNow();
            c.Selection.ChooseWinner(vendorId, await CandidateNamesAsync(c.Db, c.Selection, ct), c.Actor.UserId, now);
            var engagement = await EngagementProposal.AddAsync(c.Db, refusals, c.Actor, rolloutCode, vendorId, c.Selection.EngagementType, EngagementTerms.None, now, ct);
            c.Selection.RecordWinningEngagement(engagement.Id);
        }, cancellationToken);

    internal static async Task<IReadOnlyDictionary<Guid, string>> CandidateNamesAsync(
        ElearningRolloutDbContext db, VendorSelection selection, CancellationToken cancellationToken)
    {
        var ids = selection.Candidates.Select(c => c.VendorId).ToList();
        return await db.Vendors.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
    }

    private Task ManageAsync(
        string rolloutCode, Guid expectedVersion, Func<SelectionContext, CancellationToken, Task> change, CancellationToken cancellationToken)
        => ChangeAsync(rolloutCode, expectedVersion, SelectionAccess.EnsureCanManage, change, cancellationToken);

    /// <summary>Loads the selection for a change guarded by its version; <paramref name="ensureAccess"/> gets the actor and the owner's id.</summary>
    private async Task ChangeAsync(
        string rolloutCode, Guid expectedVersion, Action<Actor, string> ensureAccess, Func<SelectionContext, CancellationToken, Task> change,
        CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await SelectionRollout.FindAsync(db, rolloutCode, cancellationToken);
        await refusals.EnsureAsync(actor, () => ensureAccess(actor, rollout.TrainingOwnerId), cancellationToken);
        rollout.EnsureNotFinal();
        var selection = await FindSelectionAsync(db, rollout, cancellationToken);
        var guard = rollout.Guard();
        await guard.EnsureVersionAsync(db, selection, selection.Version, expectedVersion, cancellationToken);
        await change(new SelectionContext(db, actor, selection), cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
    }

    private static async Task<VendorSelection> FindSelectionAsync(ElearningRolloutDbContext db, SelectionRollout rollout, CancellationToken cancellationToken)
        => await db.VendorSelections.AsSplitQuery().SingleOrDefaultAsync(s => s.RolloutId == rollout.Id, cancellationToken)
           ?? throw new NotFoundException($"Rollout {rollout.Code} has no vendor selection yet.");

    private static Task Done(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private sealed record SelectionContext(ElearningRolloutDbContext Db, Actor Actor, VendorSelection Selection);
}
