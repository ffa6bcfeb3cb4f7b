using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Risks;

/// <summary>The risks and issues log of a rollout, changed: where Training-IT conflicts are raised and closed.</summary>
public sealed class RiskCommands(EditPipeline edits) : IUseCases
{
    public Task RaiseAsync(string rolloutCode, RiskDraft draft, CancellationToken cancellationToken = default)
        => edits.AddToRolloutAsync(rolloutCode, OfClosedRollout, Raising, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var risk = new RiskEntry(e.Rollout.Id, draft.Type, draft.Title, draft.Description, RaisingDepartment(e.Actor), draft.OwningDepartment,
                draft.Severity, draft.Type == RiskEntryType.Risk ? draft.Likelihood : null, e.Actor.UserId, e.Now);
            risk.AssignOwner(draft.OwningDepartment, string.IsNullOrEmpty(draft.OwnerId) ? null : draft.OwnerId);
            e.Db.RiskEntries.Add(risk);
            return true;
        }, cancellationToken);

    /// <summary>Resolve, Accept and Close take <paramref name="text"/> (the resolution or rationale).</summary>
    public Task ChangeStatusAsync(Guid riskId, RiskAction action, string? text, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Risk(riskId), expectedVersion, ChangingStatus, e => e.Aggregate.Move(action, text, e.Now), cancellationToken);

    private const string OfClosedRollout = "its risks and issues";

    private static readonly EditAccess<RolloutEdit> Raising = new(e => RolloutAccess.EnsureCanRaiseRisks(e.Actor, e.Rollout.TrainingOwnerId));

    /// <summary>
    /// Whoever raised an entry moves it; otherwise those who may raise risks on the rollout. Allowed after the rollout
    /// closed, as it always was: open entries are still resolved or closed on the record.
    /// </summary>
    private static readonly EditAccess<Edit<RiskEntry>> ChangingStatus = new(e =>
    {
        if (!MayMove(e.Actor, e.Aggregate.RaisedById, e.Rollout.TrainingOwnerId))
        {
            // Refused in the words of raising: whoever may raise risks here may move every entry.
            RolloutAccess.EnsureCanRaiseRisks(e.Actor, e.Rollout.TrainingOwnerId);
        }
    })
    {
        AlsoOnClosedRollout = true,
    };

    /// <summary>Whether <paramref name="actor"/> may move an entry of this rollout (the risk log offers the moves to them).</summary>
    internal static bool MayMove(Actor actor, string raisedById, string trainingOwnerId)
        => raisedById == actor.UserId || RolloutAccess.CanRaiseRisks(actor, trainingOwnerId);

    private static EditTarget<RiskEntry> Risk(Guid riskId) => new(
        "risk or issue",
        async (db, ct) => await db.RiskEntries.SingleOrDefaultAsync(r => r.Id == riskId, ct) ?? throw new NotFoundException("That risk or issue no longer exists."));

    // An actor without a department (an account made before departments) still raises as something readable.
    private static string RaisingDepartment(Actor actor) => string.IsNullOrWhiteSpace(actor.Department) ? "Unknown" : actor.Department;
}
