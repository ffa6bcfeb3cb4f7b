using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Application.Templates;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Every change to a rollout. Each checks who is asking, validates, applies the domain rule and saves
/// with the version the person saw (a conflict raises ConcurrencyConflictException, nothing is written).
/// </summary>
public sealed class RolloutCommands(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    RolloutDraftValidator validator,
    RolloutPeopleRules peopleRules,
    RefusalAudit refusals)
{
    private const int CodeAttempts = 3;

    /// <summary>Creates the rollout with its phases and required gates; returns its new code (e.g. ELR-0042).</summary>
    public async Task<string> CreateAsync(RolloutDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => RolloutAccess.EnsureCanCreate(actor), cancellationToken);
        await validator.EnsureValidAsync(draft, cancellationToken);
        var ownerId = string.IsNullOrEmpty(draft.TrainingOwnerId) ? actor.UserId : draft.TrainingOwnerId;
        await peopleRules.EnsureFitAsync(ownerId, draft.ItLiaisonId, draft.ExecutiveSponsorId, cancellationToken);

        // Two people creating at once may pick the same next number; the unique index refuses one, which tries the next.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.AuditActor = AuditActor.Of(actor);
            var sequence = (await db.Rollouts.MaxAsync(r => (int?)EF.Property<int>(r, RolloutConfiguration.Sequence), cancellationToken) ?? 0) + 1;
            var rollout = new Rollout($"ELR-{sequence:0000}", draft.Title, ownerId, draft.HostingModel, draft.Integrations,
                draft.ContentSource, draft.StartDate!.Value, draft.TargetGoLive!.Value, clock.GetUtcNow());
            ApplyDetails(rollout, draft, ownerId);
            db.Rollouts.Add(rollout);
            db.Entry(rollout).Property(RolloutConfiguration.Sequence).CurrentValue = sequence;
            db.ClearanceGates.AddRange(new RolloutGatePlanner().GatesToAdd(rollout, [], await GateTemplateStore.CurrentAsync(db, cancellationToken)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return rollout.Code;
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
            }
        }
    }

    public Task UpdateDetailsAsync(string code, RolloutDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, async (context, ct) =>
        {
            await validator.EnsureValidAsync(draft, ct);
            var ownerId = string.IsNullOrEmpty(draft.TrainingOwnerId) ? context.Rollout.TrainingOwnerId : draft.TrainingOwnerId;
            await peopleRules.EnsureFitAsync(ownerId, draft.ItLiaisonId, draft.ExecutiveSponsorId, ct);
            var rollout = context.Rollout;
            ApplyDetails(rollout, draft, ownerId);
            rollout.ChangeHostingAndIntegrations(draft.HostingModel, draft.Integrations, draft.ContentSource);
            rollout.Reschedule(draft.StartDate!.Value, draft.TargetGoLive!.Value);

            // The profile may have changed: add gates that became required, never drop a decided one. New gates copy
            // the templates' current versions.
            var templates = await GateTemplateStore.CurrentAsync(context.Db, ct);
            var planner = new RolloutGatePlanner();
            planner.ReconcileRequirements(rollout, context.Gates, templates);
            context.Db.ClearanceGates.AddRange(planner.GatesToAdd(rollout, context.Gates, templates));
        }, cancellationToken);

    public Task ChangeHealthAsync(string code, RolloutHealth health, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) => c.Rollout.ChangeHealth(health, reason), cancellationToken);

    public Task ActivateAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) => c.Rollout.Activate(Today), cancellationToken);

    public Task CompleteCurrentPhaseAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) => c.Rollout.CompleteCurrentPhase(c.Gates, Today), cancellationToken);

    public Task SkipPhaseAsync(string code, PhaseKind phase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) => c.Rollout.SkipPhase(phase, reason, c.Gates, Today), cancellationToken);

    public Task SendBackAsync(string code, PhaseKind earlierPhase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion,
            (c, _) => c.Rollout.SendBackTo(earlierPhase, reason, c.Actor.UserId, clock.GetUtcNow()), cancellationToken);

    public Task PlanPhaseAsync(string code, PhaseKind phase, DateOnly? plannedStart, DateOnly? plannedEnd, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) => c.Rollout.PlanPhase(phase, plannedStart, plannedEnd), cancellationToken);

    /// <summary>PutOnHold and Cancel need a reason; GoLive needs the Go-live sign-off gate cleared.</summary>
    public Task ChangeLifecycleAsync(string code, LifecycleAction action, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default)
        => ChangeAsync(code, expectedVersion, (c, _) =>
        {
            switch (action)
            {
                case LifecycleAction.PutOnHold: c.Rollout.PutOnHold(reason ?? ""); break;
                case LifecycleAction.Resume: c.Rollout.Resume(); break;
                case LifecycleAction.GoLive: c.Rollout.GoLive(c.Gates, Today); break;
                case LifecycleAction.Close: c.Rollout.Close(); break;
                case LifecycleAction.Cancel: c.Rollout.Cancel(reason ?? ""); break;
                default: throw new DomainException("That change of status is not known.");
            }
        }, cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

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

    private sealed record ChangeContext(ElearningRolloutDbContext Db, Actor Actor, Rollout Rollout, List<ClearanceGate> Gates);

    /// <summary>The shape of every edit: who, which rollout, may they, is their version current; change; save or conflict.</summary>
    private async Task ChangeAsync(string code, Guid expectedVersion, Func<ChangeContext, CancellationToken, Task> change, CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await db.Rollouts.SingleOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw new NotFoundException($"There is no rollout {code}.");
        await refusals.EnsureAsync(actor, () => RolloutAccess.EnsureCanEdit(actor, rollout.TrainingOwnerId), cancellationToken);
        var guard = ConcurrencyGuard.ForRollout(rollout.Id);
        await guard.EnsureVersionAsync(db, rollout, rollout.Version, expectedVersion, cancellationToken);
        var gates = await db.ClearanceGates.Where(g => g.RolloutId == rollout.Id).ToListAsync(cancellationToken);
        await change(new ChangeContext(db, actor, rollout, gates), cancellationToken);
        await guard.SaveAsync(db, cancellationToken);
    }

    private Task ChangeAsync(string code, Guid expectedVersion, Action<ChangeContext, CancellationToken> change, CancellationToken cancellationToken)
        => ChangeAsync(code, expectedVersion, (context, ct) =>
        {
            change(context, ct);
            return Task.CompletedTask;
        }, cancellationToken);
}
