using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Bandwidth;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElearningRollout.Application.Bandwidth;

/// <summary>Reads of the bandwidth plans and launch waves; every signed-in person reads them, as they read the gates and phases.</summary>
public sealed class BandwidthPlanQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory,
    ICurrentActor currentActor,
    TimeProvider clock,
    IOptions<BandwidthPlanningOptions> options) : IUseCases
{
    /// <summary>The gate whose checklist the plan is evidence for.</summary>
    public const GateKind EvidenceGate = GateKind.InfrastructureAndNetwork;

    /// <summary>How far ahead the dashboard lists launch waves (the same horizon as its go-lives).</summary>
    public const int WavesHorizonDays = 90;

    public const int WavesListLength = 10;

    /// <summary>
    /// The planner for the gate's page: the rollout's plan and whether the reader may change it. Null for a gate that
    /// does not exist or is not the Infrastructure and network gate (the planner shows nowhere else).
    /// </summary>
    public async Task<BandwidthGateView?> ForGateAsync(Guid gateId, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.ClearanceGates.AsNoTracking()
            .Where(g => g.Id == gateId && g.Kind == EvidenceGate)
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { r.Id, r.Code, r.Title, r.TrainingOwnerId, r.ItLiaisonId, r.LifecycleStatus })
            .SingleOrDefaultAsync(cancellationToken);
        if (rollout is null)
        {
            return null;
        }

        var plan = await BandwidthPlanStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(p => p.RolloutId == rollout.Id, cancellationToken);
        var refusal = rollout.LifecycleStatus.IsFinal()
            ? $"This rollout is {rollout.LifecycleStatus.InSentence()}; its bandwidth plan can no longer change."
            : BandwidthPlanAccess.EditRefusal(actor, rollout.TrainingOwnerId, rollout.ItLiaisonId);
        return new BandwidthGateView(
            rollout.Code,
            plan is null ? null : await ViewAsync(db, plan, rollout.Code, rollout.Title, cancellationToken),
            refusal is null,
            refusal,
            options.Value.DefaultAllowedSharePercent);
    }

    /// <summary>
    /// Launch waves for the saved plan that keep every site within its allowed share (nothing is saved: the person
    /// looks at them, names and dates them, then saves them). Refused with field messages for a bad start or spacing,
    /// and with a sentence naming the site when no wave can start there.
    /// </summary>
    public async Task<IReadOnlyList<LaunchWaveDraft>> SuggestWavesAsync(string rolloutCode, WaveSuggestionDraft draft, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        var result = await new WaveSuggestionDraftValidator().ValidateAsync(draft, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationFailedException(result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await BandwidthPlanStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(p => db.Rollouts.Any(r => r.Id == p.RolloutId && r.Code == rolloutCode), cancellationToken)
            ?? throw new NotFoundException("This rollout has no bandwidth plan yet: save its sites first.");
        return plan.SuggestWaves(draft.FirstWaveStartsOn!.Value, draft.DaysBetweenWaves!.Value).Select(LaunchWaveDraft.From).ToList();
    }

    /// <summary>
    /// The launch waves of a rollout, earliest first, with their dates and learners: for the Phases tab and for
    /// calendars (a per-person calendar feed lists these as the rollout's go-live events). Empty without a plan.
    /// </summary>
    public async Task<IReadOnlyList<LaunchWaveRow>> WavesOfRolloutAsync(string rolloutCode, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Code == rolloutCode).Select(r => new { r.Id, r.Code, r.Title }).SingleOrDefaultAsync(cancellationToken);
        if (rollout is null)
        {
            return [];
        }

        var plan = await BandwidthPlanStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(p => p.RolloutId == rollout.Id, cancellationToken);
        return plan is null ? [] : Rows(plan, rollout.Code, rollout.Title);
    }

    /// <summary>
    /// The launch waves of active rollouts (active or on hold) starting today or within <see cref="WavesHorizonDays"/>
    /// days, soonest first, at most <see cref="WavesListLength"/>: the dashboard's go-lives planned as waves, of the
    /// rollouts the dashboard's <paramref name="filter"/> selects (department, training owner, health), in the database.
    /// </summary>
    public async Task<IReadOnlyList<LaunchWaveRow>> WavesSoonAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var horizon = today.AddDays(WavesHorizonDays);
        var waves = await db.BandwidthPlans.AsNoTracking()
            .SelectMany(p => p.Waves, (p, w) => new { p.RolloutId, w.Name, w.StartsOn, w.Learners, w.Allocations })
            .Where(w => w.StartsOn >= today && w.StartsOn <= horizon)
            .Join(DashboardQueries.Active(db, filter),
                w => w.RolloutId, r => r.Id, (w, r) => new { r.Code, r.Title, w.Name, w.StartsOn, w.Learners, w.Allocations })
            .OrderBy(w => w.StartsOn).ThenBy(w => w.Code)
            .Take(WavesListLength)
            .ToListAsync(cancellationToken);
        return waves.Select(w => new LaunchWaveRow(w.Code, w.Title, w.Name, w.StartsOn, w.Learners, w.Allocations)).ToList();
    }

    private static async Task<BandwidthPlanView> ViewAsync(ElearningRolloutDbContext db, BandwidthPlan plan, string code, string title, CancellationToken ct)
    {
        var savedBy = await db.Users.AsNoTracking().Where(u => u.Id == plan.SavedById).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "(former user)";
        return new BandwidthPlanView(plan.Id, plan.Version, plan.AllowedSharePercent, savedBy, plan.SavedAt, plan.Figures(), Rows(plan, code, title), plan.WaveFindings());
    }

    private static List<LaunchWaveRow> Rows(BandwidthPlan plan, string code, string title) =>
        plan.Waves.Select(w => new LaunchWaveRow(code, title, w.Name, w.StartsOn, w.Learners, w.Allocations)).ToList();
}
