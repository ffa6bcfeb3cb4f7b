using ElearningRollout.Domain.Bandwidth;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>
/// Saving a rollout's bandwidth plan and its launch waves, through the edit pipeline. The plan is one aggregate per
/// rollout: the first save creates it, every later save carries the version the person saw, so of two people
/// editing at once one wins and the other is told who saved first (their form keeps what they typed).
/// </summary>
public sealed class BandwidthPlanCommands(EditPipeline edits, IDbContextFactory<Persistence.ElearningRolloutDbContext> dbFactory) : IUseCases
{
    public const string What = "bandwidth plan";

    private const string OfClosedRollout = "its bandwidth plan";

    private static readonly EditAccess<Edit<BandwidthPlan>> Editing = new(e => BandwidthPlanAccess.EnsureCanEdit(e.Actor, e.Rollout.TrainingOwnerId, e.Rollout.ItLiaisonId));

    private static readonly EditAccess<RolloutEdit> Creating = new(e => BandwidthPlanAccess.EnsureCanEdit(e.Actor, e.Rollout.TrainingOwnerId, e.Rollout.ItLiaisonId));

    /// <summary>
    /// Saves the sites and the allowed share. <paramref name="expectedVersion"/> is the version of the plan the person
    /// saw, null when they saw none: if someone saved a plan meanwhile, that is a conflict like any other.
    /// </summary>
    public async Task SaveAsync(string rolloutCode, BandwidthPlanDraft draft, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        if (expectedVersion is { } version)
        {
            await edits.ChangeAsync(Plan(rolloutCode), version, Editing, async (e, ct) =>
            {
                await e.EnsureValidAsync(draft, ct);
                e.Aggregate.ReplaceInputs(draft.AllowedSharePercent ?? 0, draft.Loads(), e.Actor.UserId, e.Now);
            }, cancellationToken);
            return;
        }

        try
        {
            await edits.AddToRolloutAsync(rolloutCode, OfClosedRollout, Creating, async (e, ct) =>
            {
                await e.EnsureValidAsync(draft, ct);
                if (await e.Db.BandwidthPlans.AsNoTracking().Where(p => p.RolloutId == e.Rollout.Id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct) is { } existing)
                {
                    throw await SavedFirstAsync(e.Db, existing, ct);
                }

                e.Db.BandwidthPlans.Add(new BandwidthPlan(e.Rollout.Id, draft.AllowedSharePercent ?? 0, draft.Loads(), e.Actor.UserId, e.Now));
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two people saved the first plan at the same moment; the unique index kept the other's.
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.BandwidthPlans.AsNoTracking().Where(p => p.RolloutId == db.Rollouts.Where(r => r.Code == rolloutCode).Select(r => r.Id).Single())
                .Select(p => p.Id).SingleAsync(cancellationToken);
            throw await SavedFirstAsync(db, existing, cancellationToken);
        }
    }

    /// <summary>
    /// Replaces the launch waves of the saved plan (an empty list clears them), suggested or planned by hand. What the
    /// plan refuses (a wave above a site's limit, a site twice in a wave, more learners than a site has...) comes back
    /// as field messages beside the wave or site row concerned (<see cref="LaunchWavesServerRules"/>).
    /// </summary>
    public Task SaveWavesAsync(string rolloutCode, LaunchWavesDraft draft, Guid expectedVersion, CancellationToken cancellationToken = default)
        => edits.ChangeAsync(Plan(rolloutCode), expectedVersion, Editing, async (e, ct) =>
        {
            await e.EnsureValidAsync(draft, ct);
            e.Aggregate.ReplaceWaves(draft.ToWaves());
        }, cancellationToken);

    private static async Task<ConcurrencyConflictException> SavedFirstAsync(Persistence.ElearningRolloutDbContext db, Guid planId, CancellationToken ct)
    {
        var last = await ConcurrencyGuard.ForEntity(What, planId).LastChangeAsync(db, ct);
        var who = last is null ? "Someone else" : last.By;
        var when = last is null ? "" : $" at {last.At:yyyy-MM-dd HH:mm} UTC";
        return new ConcurrencyConflictException(
            $"{who} changed this {What}{when} while you were working on it. Nothing of yours was saved, and what you typed is still here: reload to see their change, then apply yours again.");
    }

    /// <summary>
    /// The audit entries of a plan and its parts: saving only waves writes entries of the waves (added or removed), not
    /// of the plan's own row, and the removed ones are no longer in the plan, so the last change of any of them is
    /// found by the rollout the plan belongs to, whoever saved sites or waves.
    /// </summary>
    private static readonly string[] PlanEntries = [nameof(BandwidthPlan), nameof(BandwidthSite), nameof(LaunchWave)];

    private static EditTarget<BandwidthPlan> Plan(string rolloutCode) => new(
        What,
        async (db, ct) => await BandwidthPlanStore.Whole(db).SingleOrDefaultAsync(p => db.Rollouts.Any(r => r.Id == p.RolloutId && r.Code == rolloutCode), ct)
            ?? throw new NotFoundException("This rollout has no bandwidth plan yet: save its sites first."))
    {
        OfClosedRollout = OfClosedRollout,
        Guard = plan => new ConcurrencyGuard(What, a => a.RolloutId == plan.RolloutId && PlanEntries.Contains(a.EntityType)),
    };
}
