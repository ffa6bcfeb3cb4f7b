using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Vendors.Selection;

/// <summary>Running a rollout's vendor selection: start, candidates, panel, criteria, scores and the winner.</summary>
public sealed class VendorSelectionCommands(EditPipeline edits) : IUseCases
{
    private const string OfClosedRollout = "its vendor selection";

    private static readonly EditAccess<Edit<VendorSelection>> Managing = new(e => SelectionAccess.EnsureCanManage(e.Actor, e.Rollout.TrainingOwnerId));

    private static readonly EditAccess<Edit<VendorSelection>> Scoring = new(e => SelectionAccess.EnsureCanScore(e.Actor));

    private static readonly EditAccess<Edit<VendorSelection>> ChoosingWinner = new(e => SelectionAccess.EnsureCanChooseWinner(e.Actor, e.Rollout.TrainingOwnerId));

    /// <summary>
    /// Starts the rollout's selection for <paramref name="type"/> work, with a copy of the default criteria and a panel
    /// of the training owner and the IT liaison.
    /// </summary>
    public Task StartAsync(string rolloutCode, EngagementType type, CancellationToken cancellationToken = default)
        => edits.AddToRolloutAsync(rolloutCode, OfClosedRollout, new EditAccess<RolloutEdit>(e => SelectionAccess.EnsureCanManage(e.Actor, e.Rollout.TrainingOwnerId)), async (e, ct) =>
        {
            if (await e.Db.VendorSelections.AnyAsync(s => s.RolloutId == e.Rollout.Id, ct))
            {
                throw new DomainException("This rollout already has a vendor selection.");
            }

            var defaults = await e.Db.DefaultSelectionCriteria.AsNoTracking().SingleOrDefaultAsync(ct);
            var panel = new[] { e.Rollout.TrainingOwnerId, e.Rollout.ItLiaisonId }.OfType<string>();
            e.Db.VendorSelections.Add(new VendorSelection(
                e.Rollout.Id, type, defaults?.AsSpecs() ?? BuiltInSelectionCriteria.Criteria, panel, e.Actor.UserId, e.Now));
            return true;
        }, cancellationToken);

    public Task AddCandidateAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, Managing, async (e, ct) =>
        {
            var name = await e.Db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("That vendor is not in the registry.");
            e.Aggregate.AddCandidate(vendorId, name, e.Now);
        }, cancellationToken);

    public Task RemoveCandidateAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, Managing, e => e.Aggregate.RemoveCandidate(vendorId), cancellationToken);

    /// <summary>Evaluators are training managers and IT leads: the two sides that must live with the vendor.</summary>
    public Task AddEvaluatorAsync(string rolloutCode, string userId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, Managing, async (e, ct) =>
        {
            switch (await People.FitAsync(e.Db, userId, [Roles.TrainingManager, Roles.ItLead], ct))
            {
                case PlaceFit.LacksRole:
                    throw new DomainException("Evaluators are training managers or IT leads.");
                case PlaceFit.Inactive:
                    throw new DomainException("That person's account is disabled: choose an active training manager or IT lead.");
            }

            e.Aggregate.AddEvaluator(userId, e.Now);
        }, cancellationToken);

    public Task RemoveEvaluatorAsync(string rolloutCode, string userId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, Managing, e => e.Aggregate.RemoveEvaluator(userId), cancellationToken);

    /// <summary>Add, rename, reweight, mark must-have or remove criteria, all at once (the weights total 100 only together).</summary>
    public Task ReviseCriteriaAsync(string rolloutCode, CriteriaDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, Managing, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.ReviseCriteria(draft.ToSpecs());
        }, cancellationToken);

    /// <summary>
    /// Records the signed-in evaluator's own scores. No version: each evaluator writes only their own rows, so two
    /// evaluators saving at the same moment both keep their scores.
    /// </summary>
    public Task RecordScoresAsync(string rolloutCode, IReadOnlyList<ScoreDraft> scores, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion: null, Scoring, e =>
        {
            foreach (var score in scores)
            {
                e.Aggregate.Score(e.Actor.UserId, score.VendorId, score.CriterionId, score.Score, e.Now);
            }
        }, cancellationToken);

    /// <summary>Closes the selection on <paramref name="vendorId"/> and proposes its engagement on the rollout, in one save.</summary>
    public Task ChooseWinnerAsync(string rolloutCode, Guid vendorId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Selection(rolloutCode), expectedVersion, ChoosingWinner, async (e, ct) =>
        {
            e.Aggregate.ChooseWinner(vendorId, await CandidateNamesAsync(e.Db, e.Aggregate, ct), e.Actor.UserId, e.Now);
            var proposal = RolloutEdit.Of(e);
            await edits.EnsureMayAddAsync(proposal, EngagementProposal.OfClosedRollout, EngagementProposal.Access, ct);
            var engagement = await EngagementProposal.AddAsync(proposal, vendorId, e.Aggregate.EngagementType, EngagementTerms.None, ct);
            e.Aggregate.RecordWinningEngagement(engagement.Id);
        }, cancellationToken);

    internal static async Task<IReadOnlyDictionary<Guid, string>> CandidateNamesAsync(
        ElearningRolloutDbContext db, VendorSelection selection, CancellationToken cancellationToken)
    {
        var ids = selection.Candidates.Select(c => c.VendorId).ToList();
        return await db.Vendors.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
    }

    /// <summary>The rollout's selection, found by the rollout's code; a conflict names whoever last changed it (not a score).</summary>
    private static EditTarget<VendorSelection> Selection(string rolloutCode) => new(
        "vendor selection",
        async (db, ct) =>
            await db.VendorSelections.AsSplitQuery().SingleOrDefaultAsync(s => db.Rollouts.Any(r => r.Id == s.RolloutId && r.Code == rolloutCode), ct)
            ?? throw new NotFoundException(await db.Rollouts.AnyAsync(r => r.Code == rolloutCode, ct)
                ? $"Rollout {rolloutCode} has no vendor selection yet."
                : $"There is no rollout {rolloutCode}."))
    {
        Guard = selection => SelectionGuard.For(selection.RolloutId),
        OfClosedRollout = OfClosedRollout,
    };
}
