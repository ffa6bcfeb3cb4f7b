using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// The clearance workflow: Training fills the checklist and submits; IT decides (or an executive, for go-live
/// sign-off and waivers); condition owners meet their conditions. Role and separation-of-duty rules live in the
/// gate itself; who may touch the rollout's side is checked here. Every step notifies whoever must act next.
/// </summary>
public sealed class GateCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    GateDecisionDraftValidator decisionValidator,
    GateNotifier notifier,
    BudgetGateLink budgetLink,
    RefusalAudit refusals)
{
    public Task SetChecklistItemAsync(Guid gateId, Guid itemId, ChecklistItemState state, string? evidence, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, async c =>
        {
            await EnsureTrainingSideAsync(c, cancellationToken);
            BudgetGateLink.EnsureNotAgreementDriven(c.Gate, itemId);
            c.Gate.SetChecklistItem(itemId, state, string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), c.Actor.UserId, Now);
        }, cancellationToken);

    /// <summary>Submits (or resubmits, as a new round) to a reviewer; the reviewer defaults to the IT liaison, the due date to 10 working days.</summary>
    public Task SubmitAsync(Guid gateId, string? reviewerId, DateOnly? dueDate, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, async c =>
        {
            await EnsureTrainingSideAsync(c, cancellationToken);
            var reviewer = string.IsNullOrEmpty(reviewerId)
                ? (c.Gate.Kind == GateKind.GoLiveSignOff ? c.Rollout.ExecutiveSponsorId : c.Rollout.ItLiaisonId)
                : reviewerId;
            if (reviewer is not null && !await HoldsRoleAsync(c.Db, reviewer, GateRequirements.DecidingRole(c.Gate.Kind)))
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["ReviewerId"] = [c.Gate.Kind == GateKind.GoLiveSignOff ? "Go-live sign-off is reviewed by an executive." : "The reviewer must be an IT lead."],
                });
            }

            var due = dueDate ?? WorkingDays.After(Today, WorkingDays.DefaultReviewDays);
            if (due < Today)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["DueDate"] = ["The due date cannot be in the past."] });
            }

            c.Gate.AssignReviewer(reviewer, due);
            c.Gate.Submit(c.Actor.UserId, Now);
            await notifier.SubmittedAsync(c.Db, c.Gate, c.Rollout, cancellationToken);
        }, cancellationToken);

    public Task DecideAsync(Guid gateId, GateDecisionDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, async c =>
        {
            await refusals.EnsureAsync(c.Actor, () => GateAccess.EnsureCanDecide(c.Actor, c.Gate.Kind), cancellationToken);
            await decisionValidator.EnsureValidAsync(draft, cancellationToken);
            var rationale = string.IsNullOrWhiteSpace(draft.Rationale) ? null : draft.Rationale.Trim();
            switch (draft.Decision)
            {
                case DecisionKind.Approve when c.Gate.Kind == GateKind.GoLiveSignOff:
                    c.Gate.SignOffGoLive(c.Actor, rationale, await GatesOfRolloutAsync(c), Now);
                    break;
                case DecisionKind.Approve:
                    c.Gate.Approve(c.Actor, rationale, Now);
                    break;
                case DecisionKind.ApproveWithConditions:
                    var conditions = draft.Conditions.Select(d => new NewCondition(d.Text.Trim(), d.OwnerId!, d.DueDate!.Value)).ToList();
                    c.Gate.ApproveWithConditions(c.Actor, rationale ?? "", conditions, Now);
                    break;
                case DecisionKind.Reject:
                    c.Gate.Reject(c.Actor, rationale ?? "", Now);
                    break;
            }

            await notifier.DecidedAsync(c.Db, c.Gate, c.Rollout, cancellationToken);
        }, cancellationToken);

    /// <summary>Go-live sign-off from the dashboard: the same rule as deciding the gate.</summary>
    public Task SignOffAsync(Guid gateId, string? rationale, Guid expectedVersion, CancellationToken cancellationToken = default)
        => DecideAsync(gateId, new GateDecisionDraft { Decision = DecisionKind.Approve, Rationale = rationale ?? "" }, expectedVersion, cancellationToken);

    public Task WaiveAsync(Guid gateId, string rationale, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, async c =>
        {
            await refusals.EnsureAsync(c.Actor, () => GateAccess.EnsureCanWaive(c.Actor), cancellationToken);
            c.Gate.Waive(c.Actor, rationale, Now);
            await notifier.DecidedAsync(c.Db, c.Gate, c.Rollout, cancellationToken);
        }, cancellationToken);

    public Task MeetConditionAsync(Guid gateId, Guid conditionId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, c =>
        {
            c.Gate.MeetCondition(conditionId, c.Actor.UserId, Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Comments are their own records: a comment never conflicts with a decision saved at the same time.</summary>
    public async Task CommentAsync(Guid gateId, string text, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var ownerId = await db.ClearanceGates.Where(g => g.Id == gateId)
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (_, r) => r.TrainingOwnerId)
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("That gate no longer exists.");
        if (!GateAccess.CanComment(actor, ownerId))
        {
            throw await refusals.RefuseAsync(actor, "Only the rollout's training owner, IT leads, executives and administrators can comment on a gate.", cancellationToken);
        }

        var comment = CommentText.EnsureValid(text);
        db.GateComments.Add(new GateComment(gateId, actor.UserId, comment, Now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private async Task EnsureTrainingSideAsync(GateChange change, CancellationToken cancellationToken)
    {
        if (!RolloutAccess.CanEdit(change.Actor, change.Rollout.TrainingOwnerId))
        {
            throw await refusals.RefuseAsync(change.Actor, "Only the rollout's training owner or an administrator can fill in and submit this gate.", cancellationToken);
        }
    }

    private static Task<bool> HoldsRoleAsync(ElearningRolloutDbContext db, string userId, string role)
        => db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).AnyAsync(n => n == role);

    private static async Task<List<ClearanceGate>> GatesOfRolloutAsync(GateChange change)
        => await change.Db.ClearanceGates.Where(g => g.RolloutId == change.Rollout.Id && g.Id != change.Gate.Id).ToListAsync();

    private sealed record GateChange(ElearningRolloutDbContext Db, Actor Actor, ClearanceGate Gate, Rollout Rollout);

    private async Task ChangeAsync(Guid gateId, Guid expectedVersion, Func<GateChange, Task> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var gate = await db.ClearanceGates.SingleOrDefaultAsync(g => g.Id == gateId, cancellationToken)
            ?? throw new NotFoundException("That gate no longer exists.");
        var rollout = await db.Rollouts.AsNoTracking().SingleAsync(r => r.Id == gate.RolloutId, cancellationToken);
        if (rollout.IsFinal)
        {
            throw new DomainException($"Rollout {rollout.Code} is {rollout.LifecycleStatus.ToString().ToLowerInvariant()}; its gates can no longer change.");
        }

        var guard = ConcurrencyGuard.ForAggregate("clearance gate", gate.Id,
            gate.Checklist.Select(i => i.Id).Concat(gate.Rounds.Select(r => r.Id)).Concat(gate.Conditions.Select(c => c.Id)));
        await guard.EnsureVersionAsync(db, gate, gate.Version, expectedVersion, cancellationToken);
        // Before any step (a submission, a decision), the agreement-driven items reflect the agreement as it is now.
        await budgetLink.ApplyAsync(gate, actor.UserId, Now, cancellationToken);
        await change(new GateChange(db, actor, gate, rollout));
        await guard.SaveAsync(db, cancellationToken);
    }
}
