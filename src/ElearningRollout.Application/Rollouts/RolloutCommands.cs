using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Every change to a rollout. Each checks who is asking, validates, applies the domain rule and saves
/// with the version the person saw (a conflict raises ConcurrencyConflictException, nothing is written).
/// </summary>
public sealed partial class RolloutCommands
{
    /// <summary>Creates the rollout with its phases and required gates; returns its new code (e.g. ELR-0042).</summary>
    public Task<string> CreateAsync(RolloutDraft draft, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task UpdateDetailsAsync(string code, RolloutDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task ChangeHealthAsync(string code, RolloutHealth health, string reason, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task ActivateAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task CompleteCurrentPhaseAsync(string code, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SkipPhaseAsync(string code, PhaseKind phase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SendBackAsync(string code, PhaseKind earlierPhase, string reason, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task PlanPhaseAsync(string code, PhaseKind phase, DateOnly? plannedStart, DateOnly? plannedEnd, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>PutOnHold and Cancel need a reason; GoLive needs the Go-live sign-off gate cleared.</summary>
    public Task ChangeLifecycleAsync(string code, LifecycleAction action, string? reason, Guid expectedVersion, CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
