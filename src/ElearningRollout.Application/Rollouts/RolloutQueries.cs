using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Rollouts;

/// <summary>
/// Reads for the rollout screens: the grid, one rollout, its history, and the people to pick from.
/// Every signed-in person may read every rollout; queries project only what the screen shows.
/// </summary>
public sealed class RolloutQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RolloutPeopleRules people, TimeProvider clock) : IUseCases
{
    public async Task<Page<RolloutListRow>> ListAsync(RolloutListQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollouts = db.Rollouts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            rollouts = rollouts.Where(r => r.Code.ToLower().Contains(term) || r.Title.ToLower().Contains(term));
        }

        if (query.Status is { } status)
        {
            rollouts = rollouts.Where(r => r.LifecycleStatus == status);
        }

        if (query.Health is { } health)
        {
            rollouts = rollouts.Where(r => r.Health == health);
        }

        if (query.Phase is { } phase)
        {
            rollouts = rollouts.Where(r => r.CurrentPhase == phase);
        }

        if (!string.IsNullOrEmpty(query.TrainingOwnerId))
        {
            rollouts = rollouts.Where(r => r.TrainingOwnerId == query.TrainingOwnerId);
        }

        if (query.Profile is { } profile)
        {
            rollouts = rollouts.Where(r => EF.Property<ItInvolvementProfile>(r, RolloutConfiguration.StoredProfile) == profile);
        }

        var total = await rollouts.CountAsync(cancellationToken);
        var rows = await Sort(rollouts, query)
            .Skip(page.Skip).Take(page.SafeSize)
            .Select(r => new RolloutListRow(
                r.Code,
                r.Title,
                db.Users.Where(u => u.Id == r.TrainingOwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                r.LifecycleStatus,
                r.Health,
                r.CurrentPhase,
                EF.Property<ItInvolvementProfile>(r, RolloutConfiguration.StoredProfile),
                r.TargetGoLive))
            .ToListAsync(cancellationToken);
        return new Page<RolloutListRow>(rows, total);
    }

    /// <summary>Null when no rollout has that code.</summary>
    public async Task<RolloutDetails?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await RolloutStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (rollout is null)
        {
            return null;
        }

        var gates = await db.ClearanceGates.AsNoTracking().Where(g => g.RolloutId == rollout.Id)
            .Select(g => new
            {
                g.Id, g.Kind, g.GuardedPhase, g.IsRequired, g.State, g.ReviewerId, g.DueDate,
                OpenRequired = g.Checklist.Count(i => i.IsRequired && ChecklistItemStateRules.Unsettled.Contains(i.State)),
                Items = g.Checklist.Count,
            })
            .ToListAsync(cancellationToken);
        var vendorAlerts = await Vendors.CertificationAlerts.ForRolloutAsync(db, rollout.Id, Vendors.CertificationAlerts.Today(clock), cancellationToken);
        var names = await NamesAsync(db,
            [rollout.TrainingOwnerId, rollout.ItLiaisonId, rollout.ExecutiveSponsorId, .. gates.Select(g => g.ReviewerId), .. rollout.SendBacks.Select(s => s.SentBackById)],
            cancellationToken);

        var canEdit = RolloutAccess.CanEdit(actor, rollout.TrainingOwnerId) && !rollout.IsFinal;
        return new RolloutDetails(
            rollout.Id, rollout.Code, rollout.Title, rollout.Summary, rollout.BusinessCase,
            Person(names, rollout.TrainingOwnerId)!, Person(names, rollout.ItLiaisonId), Person(names, rollout.ExecutiveSponsorId),
            rollout.Audiences, rollout.EstimatedLearners, rollout.PeakConcurrentLearners, rollout.AccessChannels,
            rollout.HostingModel, rollout.Integrations, rollout.ContentSource, rollout.PilotCohort,
            rollout.StartDate, rollout.TargetGoLive, rollout.LifecycleStatus, rollout.StatusReason,
            rollout.Health, rollout.HealthReason, rollout.CurrentPhase, rollout.Profile, rollout.Version,
            rollout.Phases.OrderBy(p => p.Order)
                .Select(p => new PhaseView(p.Kind, p.Order, p.Status, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd, p.SkipReason))
                .ToList(),
            gates.OrderBy(g => PhaseTemplate.Standard.ToList().IndexOf(g.GuardedPhase)).ThenBy(g => g.Kind)
                .Select(g => new GateSummary(g.Id, g.Kind, g.GuardedPhase, g.IsRequired, g.State,
                    Person(names, g.ReviewerId)?.DisplayName, g.DueDate, g.OpenRequired, g.Items,
                    g.Kind == GateKind.SecurityReview ? vendorAlerts : []))
                .ToList(),
            rollout.SendBacks.OrderByDescending(s => s.SentBackAt)
                .Select(s => new SendBackView(s.From, s.To, s.Reason, Person(names, s.SentBackById)?.DisplayName ?? "", s.SentBackAt))
                .ToList(),
            new RolloutPermissions(canEdit, canEdit, RolloutAccess.CanRaiseRisks(actor, rollout.TrainingOwnerId) && !rollout.IsFinal,
                RolloutAccess.EditRefusal(actor, rollout.TrainingOwnerId, Person(names, rollout.TrainingOwnerId)!.DisplayName,
                    Person(names, rollout.ItLiaisonId)?.DisplayName, rollout.RecordRefusal)),
            RolloutMoves.Of(rollout));
    }

    public async Task<Page<RolloutHistoryEntry>> HistoryAsync(string code, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rolloutId = await db.Rollouts.Where(r => r.Code == code).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no rollout {code}.");
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.RolloutId == rolloutId);

        // A review that decides its round is recorded twice, and both entries are right: the reviewer's own decision
        // (GateReview) and the round's outcome (GateReviewRound) are two records of the gate, changed in one save. Under a
        // policy of several reviewers they differ (one reviewer's approval is not yet the round's), and both lines say
        // something. When they say the same (one decision decided the round), the History shows the round's line only.
        // The trail keeps both (the audit log and its export show them); the filter is part of the query, so the paging
        // and the count stay the database's.
        entries = entries.Where(a => a.EntityType != nameof(GateReview) || !db.AuditEntries.Any(round =>
            round.RolloutId == rolloutId && round.EntityType == nameof(GateReviewRound) && round.Action == a.Action
            && round.UserName == a.UserName && round.Before == a.Before && round.After == a.After));
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.SafeSize).ToListAsync(cancellationToken);
        var text = AuditText.Of(db.Model);
        return new Page<RolloutHistoryEntry>(
            rows.Select(a => new RolloutHistoryEntry(
                a.At, a.UserName, AuditText.Action(a.Action), AuditText.Subject(a.EntityType), text.Changes(a.EntityType, a.Before, a.After))).ToList(),
            total);
    }

    public async Task<RolloutPeopleChoices> PeopleChoicesAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        return new RolloutPeopleChoices(
            await people.InRoleAsync(Roles.TrainingManager, cancellationToken),
            await people.InRoleAsync(Roles.ItLead, cancellationToken),
            await people.InRoleAsync(Roles.Executive, cancellationToken));
    }

    /// <summary>Whether the signed-in person may create rollouts (training managers and administrators).</summary>
    public async Task<bool> CanCreateAsync(CancellationToken cancellationToken = default)
        => await currentActor.GetAsync(cancellationToken) is { } actor && RolloutAccess.CanCreate(actor);

    private static IOrderedQueryable<Rollout> Sort(IQueryable<Rollout> rollouts, RolloutListQuery query) => (query.Sort, query.Descending) switch
    {
        (RolloutSort.Title, false) => rollouts.OrderBy(r => r.Title).ThenBy(r => r.Code),
        (RolloutSort.Title, true) => rollouts.OrderByDescending(r => r.Title).ThenBy(r => r.Code),
        (RolloutSort.TargetGoLive, false) => rollouts.OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code),
        (RolloutSort.TargetGoLive, true) => rollouts.OrderByDescending(r => r.TargetGoLive).ThenBy(r => r.Code),
        (RolloutSort.Status, false) => rollouts.OrderBy(r => r.LifecycleStatus).ThenBy(r => r.Code),
        (RolloutSort.Status, true) => rollouts.OrderByDescending(r => r.LifecycleStatus).ThenBy(r => r.Code),
        (RolloutSort.Health, false) => rollouts.OrderBy(r => r.Health).ThenBy(r => r.Code),
        (RolloutSort.Health, true) => rollouts.OrderByDescending(r => r.Health).ThenBy(r => r.Code),
        (_, true) => rollouts.OrderByDescending(r => r.Code),
        _ => rollouts.OrderBy(r => r.Code),
    };

    private static async Task<Dictionary<string, string>> NamesAsync(ElearningRolloutDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }

    private static PersonChoice? Person(Dictionary<string, string> names, string? id)
        => id is null ? null : new PersonChoice(id, names.GetValueOrDefault(id, "(former user)"));
}
