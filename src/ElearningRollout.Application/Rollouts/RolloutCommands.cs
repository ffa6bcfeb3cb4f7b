using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Application.Templates;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Every change to a rollout, each through the edit pipeline (who, may they, is their version current, change, save
/// or conflict). The rollout's own state machine refuses changes to a closed or cancelled rollout.
/// </summary>
public sealed class RolloutCommands(EditPipeline edits) : IUseCases
{
    private const int CodeAttempts = 3;

    private static readonly EditAccess<EditContext> Creating = new(e => RolloutAccess.EnsureCanCreate(e.Actor));

    private static readonly EditAccess<Edit<Rollout>> Owning = new(e => RolloutAccess.EnsureCanEdit(e.Actor, e.Aggregate.TrainingOwnerId));

    /// <summary>Creates the rollout with its phases and required gates; returns its new code (e.g. ELR-0042).</summary>
    public async Task<string> CreateAsync(RolloutDraft draft, CancellationToken cancellationToken = default)
    {
        // Two people creating at once may pick the same next number; the unique index refuses one, which tries the next.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await edits.ActAsync(Creating, async (e, ct) =>
                {
                    await e.EnsureValidAsync(draft, ct);
                    var ownerId = OwnerOf(draft, e);
                    var sequence = (await e.Db.Rollouts.MaxAsync(r => (int?)EF.Property<int>(r, RolloutConfiguration.Sequence), ct) ?? 0) + 1;
                    var rollout = new Rollout($"ELR-{sequence:0000}", draft.Title, ownerId, draft.HostingModel, draft.Integrations,
                        draft.ContentSource, draft.StartDate!.Value, draft.TargetGoLive!.Value, e.Now);
                    ApplyDetails(rollout, draft, ownerId);
                    e.Db.Rollouts.Add(rollout);
                    e.Db.Entry(rollout).Property(RolloutConfiguration.Sequence).CurrentValue = sequence;
                    e.Db.ClearanceGates.AddRange(new RolloutGatePlanner().GatesToAdd(rollout, [], await GateTemplateStore.CurrentAsync(e.Db, ct)));
                    return rollout.Code;
                }, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
            }
        }
    }

    public Task UpdateDetailsAsync(string code, RolloutDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            var rollout = e.Aggregate;
            ApplyDetails(rollout, draft, OwnerOf(draft, e));
            rollout.ChangeHostingAndIntegrations(draft.HostingModel, draft.Integrations, draft.ContentSource);
            rollout.Reschedule(draft.StartDate!.Value, draft.TargetGoLive!.Value);

            // The profile may have changed: add gates that became required, never drop a decided one. New gates copy
            // the templates' current versions.
            var gates = await GatesAsync(e, ct);
            var templates = await GateTemplateStore.CurrentAsync(e.Db, ct);
            var planner = new RolloutGatePlanner();
            planner.ReconcileRequirements(rollout, gates, templates);
            e.Db.ClearanceGates.AddRange(planner.GatesToAdd(rollout, gates, templates));
        }, cancellationToken);

    public Task ChangeHealthAsync(string code, RolloutHealth health, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, e => e.Aggregate.ChangeHealth(health, reason), cancellationToken);

    public Task ActivateAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, e => e.Aggregate.Activate(e.Today), cancellationToken);

    public Task CompleteCurrentPhaseAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning,
            async (e, ct) => e.Aggregate.CompleteCurrentPhase(await GatesAsync(e, ct), e.Today), cancellationToken);

    public Task SkipPhaseAsync(string code, PhaseKind phase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning,
            async (e, ct) => e.Aggregate.SkipPhase(phase, reason, await GatesAsync(e, ct), e.Today), cancellationToken);

    public Task SendBackAsync(string code, PhaseKind earlierPhase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, e => e.Aggregate.SendBackTo(earlierPhase, reason, e.Actor.UserId, e.Now), cancellationToken);

    public Task PlanPhaseAsync(string code, PhaseKind phase, DateOnly? plannedStart, DateOnly? plannedEnd, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, e => e.Aggregate.PlanPhase(phase, plannedStart, plannedEnd), cancellationToken);

    /// <summary>PutOnHold and Cancel need a reason; GoLive needs the Go-live sign-off gate cleared.</summary>
    public Task ChangeLifecycleAsync(string code, LifecycleAction action, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Rollout(code), expectedVersion, Owning, async (e, ct) =>
        {
            switch (action)
            {
                case LifecycleAction.PutOnHold: e.Aggregate.PutOnHold(reason ?? ""); break;
                case LifecycleAction.Resume: e.Aggregate.Resume(); break;
                case LifecycleAction.GoLive: e.Aggregate.GoLive(await GatesAsync(e, ct), e.Today); break;
                case LifecycleAction.Close: e.Aggregate.Close(); break;
                case LifecycleAction.Cancel: e.Aggregate.Cancel(reason ?? ""); break;
                case LifecycleAction.Activate: e.Aggregate.Activate(e.Today); break;
                default: throw new DomainException("That change of status is not known.");
            }
        }, cancellationToken);

    /// <summary>The training owner a form names, or when it names none: the current owner, or the person creating it.</summary>
    internal static string OwnerOf(RolloutDraft draft, EditContext edit)
        => !string.IsNullOrEmpty(draft.TrainingOwnerId) ? draft.TrainingOwnerId
            : edit is Edit<Rollout> change ? change.Aggregate.TrainingOwnerId
            : edit.Actor.UserId;

    /// <summary>A rollout, found by its code; a conflict names whoever last changed it or anything audited under it.</summary>
    internal static EditTarget<Rollout> Rollout(string code) => new(
        "rollout",
        async (db, ct) => await RolloutStore.Whole(db).SingleOrDefaultAsync(r => r.Code == code, ct) ?? throw new NotFoundException($"There is no rollout {code}."))
    {
        Guard = rollout => ConcurrencyGuard.ForRollout(rollout.Id),
    };

    private static Task<List<ClearanceGate>> GatesAsync(Edit<Rollout> edit, CancellationToken cancellationToken)
        => Gates.GateStore.Whole(edit.Db).Where(g => g.RolloutId == edit.Aggregate.Id).ToListAsync(cancellationToken);

    private static void ApplyDetails(Rollout rollout, RolloutDraft draft, string ownerId)
    {
        rollout.Describe(draft.Title, draft.Summary, draft.BusinessCase);
        rollout.AssignPeople(ownerId, NullIfEmpty(draft.ItLiaisonId), NullIfEmpty(draft.ExecutiveSponsorId));
        rollout.ChangeAudiences(draft.Audiences, draft.EstimatedLearners, draft.PeakConcurrentLearners);
        rollout.ChangeAccessChannels(draft.AccessChannels);
        rollout.ChangePilotCohort(string.IsNullOrWhiteSpace(draft.PilotCohortName)
            ? null
            : new PilotCohort(draft.PilotCohortName.Trim(), draft.PilotCohortSize ?? 0, draft.PilotStart, draft.PilotEnd));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
