using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Gates;

/// <summary>
/// The clearance workflow: Training fills the checklist and submits; IT decides (or an executive, for go-live
/// sign-off and waivers); condition owners meet their conditions. Role and separation-of-duty rules live in the
/// gate itself; who may touch the rollout's side is checked here. Every step notifies whoever must act next.
/// </summary>
public sealed class GateCommands(EditPipeline edits, GateNotifier notifier, BudgetGateLink budgetLink) : IUseCases
{
    /// <summary>The training owner's side of a gate: its checklist and its submission.</summary>
    private static readonly EditAccess<Edit<ClearanceGate>> TrainingSide = new(e => GateAccess.EnsureCanFill(e.Actor, e.Rollout.TrainingOwnerId));

    private static readonly EditAccess<Edit<ClearanceGate>> Deciding = new(e => GateAccess.EnsureCanDecide(e.Actor, e.Aggregate));

    private static readonly EditAccess<Edit<ClearanceGate>> Reassigning = new(e => GateAccess.EnsureCanReassign(e.Actor));

    private static readonly EditAccess<Edit<ClearanceGate>> Waiving = new(e => GateAccess.EnsureCanWaive(e.Actor));

    /// <summary>Conditions are met by their owners, whoever they are; the gate checks it is theirs.</summary>
    private static readonly EditAccess<Edit<ClearanceGate>> AnyoneSignedIn = new(_ => { });

    /// <summary>Comments stay possible on a closed rollout, as they always were: the discussion is part of the record.</summary>
    private static readonly EditAccess<Edit<ClearanceGate>> Commenting = new(e => GateAccess.EnsureCanComment(e.Actor, e.Rollout.TrainingOwnerId))
    {
        AlsoOnClosedRollout = true,
    };

    public Task SetChecklistItemAsync(Guid gateId, Guid itemId, ChecklistItemState state, string? evidence, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, TrainingSide, (e, _) =>
        {
            BudgetGateLink.EnsureNotAgreementDriven(e.Aggregate, itemId);
            e.Aggregate.SetChecklistItem(itemId, state, string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), e.Actor.UserId, e.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Saves the checklist form: every changed item in one save, or none. Each item carries the setting the person saw,
    /// so only a change over someone else's newer setting of the same item conflicts (two people settling different
    /// items do not); the gate's version is not compared, since any item ticked by anyone moves it. A conflict refuses
    /// the whole save, naming each item, who set it and when (<see cref="ChecklistConflictException"/>): the person
    /// saved one form and is told one outcome, never a checklist half theirs that they have to puzzle out, and the
    /// items they changed together (evidence that refers to another item) are stored together. A save racing this one
    /// between load and write still conflicts on the gate's version.
    /// </summary>
    public Task SetChecklistItemsAsync(Guid gateId, IReadOnlyList<ChecklistItemChange> changes, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion: null, TrainingSide, async (e, ct) =>
        {
            var gate = e.Aggregate;
            foreach (var change in changes)
            {
                BudgetGateLink.EnsureNotAgreementDriven(gate, change.ItemId);
            }

            var setSinceSeen = gate.ItemsSetSinceSeen(changes);
            if (setSinceSeen.Count > 0)
            {
                var ids = setSinceSeen.Select(i => i.SetById).OfType<string>().Distinct().ToList();
                var names = await e.Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
                throw new ChecklistConflictException(setSinceSeen.Select(i => new ChecklistItemConflict(
                    i.Id, i.Order, i.SetById is { } by ? names.GetValueOrDefault(by, "(former user)") : "Someone else", i.SetAt ?? e.Now, i.State, i.Evidence)).ToList());
            }

            gate.SetChecklistItems(
                changes.Select(c => c with { Evidence = string.IsNullOrWhiteSpace(c.Evidence) ? null : c.Evidence.Trim() }).ToList(), e.Actor.UserId, e.Now);
        }, cancellationToken);

    /// <summary>
    /// Submits (or resubmits, as a new round) under the kind's current approval policy, whose version the gate records:
    /// under "any one reviewer" to the picked reviewer (by default the rollout's contact in the deciding role: the IT
    /// liaison, or the executive sponsor when executives decide), otherwise to the reviewers the policy
    /// names; each review is due the policy's number of working days from today (weekends and the holiday calendar
    /// excluded) unless a due date is given.
    /// </summary>
    public Task SubmitAsync(Guid gateId, string? reviewerId, DateOnly? dueDate, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, TrainingSide, async (e, ct) =>
        {
            var policy = await Templates.GateTemplateStore.PolicyOfAsync(e.Db, e.Aggregate.Kind, ct);
            var anyOne = policy is null || policy.Rule == ApprovalRule.AnyOneReviewer;
            var submission = new GateSubmissionDraft
            {
                GateKind = e.Aggregate.Kind,
                ReviewerId = !anyOne ? null
                    : string.IsNullOrEmpty(reviewerId) ? await ActiveDefaultReviewerAsync(e.Db, e.Rollout, GateApprovalPolicy.DecidingRoleUnder(e.Aggregate.Kind, policy?.DecidingRole), ct)
                    : reviewerId,
                // After a send-back the clock resumes with the days left, not a fresh deadline (ClearanceGate.DueDateIfSubmittedOn).
                DueDate = dueDate ?? e.Aggregate.DueDateIfSubmittedOn(
                    e.Today, policy?.DeadlineWorkingDays ?? WorkingDays.DefaultReviewDays, await WorkingDays.CalendarAsync(e.Db, SentBackSince(e.Aggregate, e.Today), ct)),
            };
            await e.EnsureValidAsync(submission, ct);
            e.Aggregate.AssignReviewer(submission.ReviewerId, submission.DueDate.Value);
            e.Aggregate.Submit(e.Actor.UserId, e.Now, policy);
            await notifier.SubmittedAsync(e.Db, e.Aggregate, e.Rollout, ct, await StandInRoster.OnAsync(e.Db, e.Today, ct));
        }, cancellationToken);

    /// <summary>The first day whose holidays the submission's due date may need: the sent-back round's rejection day, or today.</summary>
    internal static DateOnly SentBackSince(ClearanceGate gate, DateOnly today)
        => gate.State == GateState.Rejected && gate.CurrentRound?.DecidedAt is { } at && DateOnly.FromDateTime(at.UtcDateTime) < today
            ? DateOnly.FromDateTime(at.UtcDateTime) : today;

    /// <summary>
    /// Records the signed-in reviewer's decision against the version of the gate they saw (the original one-reviewer
    /// command; under a several-reviewer policy it records their own review, see <see cref="RecordDecisionAsync"/>).
    /// </summary>
    public Task DecideAsync(Guid gateId, GateDecisionDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, Deciding, (e, ct) => DecideAsync(e, draft, forReviewerId: null, ct), cancellationToken);

    /// <summary>
    /// Records one reviewer's own decision (or a stand-in's, for the reviewer they stand in for; <paramref name="forReviewerId"/>
    /// says whose when they may decide more than one). Reviewers decide independently, so the gate's version is not
    /// compared: two reviewers deciding at the same moment both keep their decisions. The save still checks the version
    /// it loaded, and the one that loses that race is recorded again on the fresh gate, where the outcome is computed
    /// from both decisions, once; a decision that is no longer possible there (the round was rejected meanwhile) is refused plainly.
    /// </summary>
    public async Task RecordDecisionAsync(Guid gateId, GateDecisionDraft draft, string? forReviewerId = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ChangeAsync(gateId, expectedVersion: null, Deciding, (e, ct) => DecideAsync(e, draft, forReviewerId, ct), cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxDecisionAttempts)
            {
                // Another reviewer's decision was saved between our load and our save: record ours on top of theirs.
            }
        }
    }

    /// <summary>
    /// The rollout's contact in the deciding role (the IT liaison, or the executive sponsor when executives decide), whom
    /// a submission without a picked reviewer goes to, while their account is active; after they left (disabled by an
    /// administrator or the company directory) it is offered to every holder of the role instead, as on a rollout
    /// without one. The gate page offers the same default (<see cref="GateQueries"/>).
    /// </summary>
    internal static async Task<string?> ActiveDefaultReviewerAsync(ElearningRolloutDbContext db, RolloutFacts rollout, string decidingRole, CancellationToken cancellationToken)
        => GateApprovalPolicy.DefaultReviewerFor(decidingRole, rollout.ItLiaisonId, rollout.ExecutiveSponsorId) is { } contact
            && await People.IsActiveAsync(db, contact, cancellationToken) ? contact : null;

    /// <summary>An administrator hands an undecided review to another holder of the deciding role (who is told).</summary>
    public Task ReassignReviewAsync(Guid gateId, Guid reviewId, string newReviewerId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, Reassigning, async (e, ct) =>
        {
            var role = e.Aggregate.DeciderRole;
            if (string.IsNullOrEmpty(newReviewerId) || await People.FitAsync(e.Db, newReviewerId, role, ct) != PlaceFit.Fits)
            {
                throw new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["NewReviewerId"] = [$"Choose an active {e.Aggregate.Approval.DeciderName} from the list."],
                });
            }

            e.Aggregate.ReassignReview(reviewId, newReviewerId);
            notifier.ReassignedAsync(e.Db, e.Aggregate, e.Rollout, newReviewerId);
        }, cancellationToken);

    /// <summary>Go-live sign-off from the dashboard: the same rule as deciding the gate.</summary>
    public Task SignOffAsync(Guid gateId, string? rationale, Guid expectedVersion, CancellationToken cancellationToken = default)
        => DecideAsync(gateId, new GateDecisionDraft { Decision = DecisionKind.Approve, Rationale = rationale ?? "" }, expectedVersion, cancellationToken);

    public Task WaiveAsync(Guid gateId, string rationale, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, Waiving, async (e, ct) =>
        {
            e.Aggregate.Waive(e.Actor, rationale, e.Now);
            await notifier.DecidedAsync(e.Db, e.Aggregate, e.Rollout, ct);
        }, cancellationToken);

    public Task MeetConditionAsync(Guid gateId, Guid conditionId, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(gateId, expectedVersion, AnyoneSignedIn, (e, _) =>
        {
            e.Aggregate.MeetCondition(conditionId, e.Actor.UserId, e.Now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Comments are their own records: a comment never conflicts with a decision saved at the same time.</summary>
    public Task CommentAsync(Guid gateId, string text, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Gate(gateId), expectedVersion: null, Commenting, e =>
            e.Db.GateComments.Add(new GateComment(gateId, e.Actor.UserId, CommentText.EnsureValid(text), e.Now)), cancellationToken);

    private const int MaxDecisionAttempts = 4;

    private async Task DecideAsync(Edit<ClearanceGate> e, GateDecisionDraft draft, string? forReviewerId, CancellationToken ct)
    {
        await e.EnsureValidAsync(draft, ct);
        var gate = e.Aggregate;
        var standIns = await StandInRoster.OnAsync(e.Db, e.Today, ct);
        var rationale = string.IsNullOrWhiteSpace(draft.Rationale) ? null : draft.Rationale.Trim();
        switch (draft.Decision)
        {
            case DecisionKind.Approve when gate.Approval.SignsOffRollout:
                var others = await GateStore.Whole(e.Db).Where(g => g.RolloutId == gate.RolloutId && g.Id != gate.Id).ToListAsync(ct);
                gate.SignOffGoLive(e.Actor, rationale, others, e.Now, standIns, forReviewerId);
                break;
            case DecisionKind.Approve:
                gate.Approve(e.Actor, rationale, e.Now, standIns, forReviewerId);
                break;
            case DecisionKind.ApproveWithConditions:
                var conditions = draft.Conditions.Select(d => new NewCondition(d.Text.Trim(), d.OwnerId!, d.DueDate!.Value)).ToList();
                gate.ApproveWithConditions(e.Actor, rationale ?? "", conditions, e.Now, standIns, forReviewerId);
                break;
            case DecisionKind.Reject:
                gate.Reject(e.Actor, rationale ?? "", e.Now, standIns, forReviewerId);
                break;
        }

        // The round's outcome is notified once, by the decision that settled it.
        if (gate.CurrentRound?.Decision is not null)
        {
            await notifier.DecidedAsync(e.Db, gate, e.Rollout, ct);
        }
    }

    /// <summary>A gate, found by id; a conflict names whoever last changed it, its checklist, rounds or conditions.</summary>
    internal static EditTarget<ClearanceGate> Gate(Guid gateId) => new(
        "clearance gate",
        async (db, ct) => await GateStore.Whole(db).SingleOrDefaultAsync(g => g.Id == gateId, ct) ?? throw new NotFoundException("That gate no longer exists."))
    {
        Guard = gate => ConcurrencyGuard.ForAggregate("clearance gate", gate.Id,
            gate.Checklist.Select(i => i.Id).Concat(gate.Rounds.Select(r => r.Id)).Concat(gate.Conditions.Select(c => c.Id)).Concat(gate.Reviews.Select(r => r.Id))),
        OfClosedRollout = "its gates",
    };

    /// <summary>Before any step (a submission, a decision), the agreement-driven items reflect the agreement as it is now.</summary>
    private Task ChangeAsync(
        Guid gateId, Guid? expectedVersion, EditAccess<Edit<ClearanceGate>> access, Func<Edit<ClearanceGate>, CancellationToken, Task> change, CancellationToken cancellationToken)
        => edits.ChangeAsync(Gate(gateId), expectedVersion, access, async (e, ct) =>
        {
            await budgetLink.ApplyAsync(e.Aggregate, e.Actor.UserId, e.Now, ct);
            await change(e, ct);
        }, cancellationToken);
}
