using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Common.Edits;

/// <summary>
/// What a change to something that belongs to a rollout needs to know about that rollout: who owns it, who its IT
/// liaison and executive sponsor are, what it connects to, and whether it is a closed record. Read without tracking:
/// a change of a gate or an agreement never writes the rollout.
/// </summary>
public sealed record RolloutFacts(
    Guid Id, string Code, string Title, string TrainingOwnerId, string? ItLiaisonId, string? ExecutiveSponsorId, LifecycleStatus Status,
    HostingModel Hosting, Integrations Integrations, AccessChannels Channels)
{
    /// <summary>A closed or cancelled rollout is a record: what belongs to it no longer changes.</summary>
    public bool IsFinal => Status.IsFinal();

    public AgreementSignatories Signatories => new(TrainingOwnerId, ItLiaisonId);

    public static async Task<RolloutFacts> FindAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await FindOrNullAsync(db, code, cancellationToken) ?? throw new NotFoundException($"There is no rollout {code}.");

    public static Task<RolloutFacts?> FindOrNullAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => Project(db.Rollouts.Where(r => r.Code == code)).SingleOrDefaultAsync(cancellationToken);

    public static async Task<RolloutFacts> FindAsync(ElearningRolloutDbContext db, Guid id, CancellationToken cancellationToken)
        => await Project(db.Rollouts.Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException("That rollout no longer exists.");

    /// <summary>
    /// Refuses when the rollout is closed or cancelled. <paramref name="whatOfIt"/> names what would have changed,
    /// e.g. "its gates".
    /// </summary>
    public void EnsureOpen(string whatOfIt)
    {
        if (WhyClosed(whatOfIt) is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    /// <summary>The refusal <see cref="EnsureOpen"/> gives, for a screen to show beside what it no longer offers; null while open.</summary>
    public string? WhyClosed(string whatOfIt) => IsFinal ? $"This rollout is {Status.InSentence()}; {whatOfIt} can no longer change." : null;

    // Filtered before the projection: EF cannot translate a filter on a constructed record.
    private static IQueryable<RolloutFacts> Project(IQueryable<Rollout> rollouts) =>
        rollouts.AsNoTracking().Select(r => new RolloutFacts(
            r.Id, r.Code, r.Title, r.TrainingOwnerId, r.ItLiaisonId, r.ExecutiveSponsorId, r.LifecycleStatus,
            r.HostingModel, r.Integrations, r.AccessChannels));
}
