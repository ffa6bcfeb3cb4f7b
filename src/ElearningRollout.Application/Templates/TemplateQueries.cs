using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>The phase and gate templates as administrators edit them, and where older versions are still in use.</summary>
public sealed class TemplateQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals) : IUseCases
{
    /// <summary>Every phase in order with the gate templates at its exit, and how many open rollouts use an older version.</summary>
    public async Task<IReadOnlyList<PhaseWithGates>> PhasesAndGatesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var templates = await db.GateTemplates.AsNoTracking().ToListAsync(cancellationToken);
        var publisherIds = templates.Select(t => t.PublishedById).OfType<string>().Distinct().ToList();
        var publishers = await db.Users.AsNoTracking().Where(u => publisherIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var olderCounts = await GatesOnOlderVersions(db)
            .GroupBy(g => g.Kind)
            .Select(g => new { Kind = g.Key, Rollouts = g.Count() })
            .ToDictionaryAsync(x => x.Kind, x => x.Rollouts, cancellationToken);

        var views = new GateTemplateSet(templates).Templates.Select(t => new GateTemplateView(
            t.Kind,
            t.GuardedPhase,
            t.RequiredFor,
            t.OnlyWhenVendorInvolved,
            t.TemplateVersion,
            t.PublishedAt,
            t.PublishedById is null ? null : publishers.GetValueOrDefault(t.PublishedById, "a former user"),
            t.Version,
            [.. t.Items.OrderBy(i => i.Order).Select(i => new GateTemplateItemView(i.Id, i.Text, i.IsRequired, i.FollowsAgreement))],
            olderCounts.GetValueOrDefault(t.Kind))).ToList();
        return [.. PhaseTemplate.Standard.Select(phase => new PhaseWithGates(phase, [.. views.Where(v => v.GuardedPhase == phase)]))];
    }

    /// <summary>The open rollouts whose gate of this kind was made from an earlier version of its template, by code.</summary>
    public async Task<Page<RolloutOnOlderVersion>> RolloutsOnOlderVersionsAsync(
        GateKind kind, PageRequest page, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = GatesOnOlderVersions(db).Where(g => g.Kind == kind)
            .Join(db.Rollouts, g => g.RolloutId, r => r.Id, (g, r) => new { r.Code, r.Title, g.TemplateVersion, g.State });
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(x => x.Code).Skip(page.Skip).Take(page.SafeSize)
            .Select(x => new RolloutOnOlderVersion(x.Code, x.Title, x.TemplateVersion, x.State))
            .ToListAsync(cancellationToken);
        return new Page<RolloutOnOlderVersion>(rows, total);
    }

    /// <summary>The current templates, for the live "which gates will this rollout need" preview; any signed-in person.</summary>
    public async Task<GateTemplateSet> CurrentTemplatesAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await GateTemplateStore.CurrentAsync(db, cancellationToken);
    }

    private async Task EnsureCanManageAsync(CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await refusals.EnsureAsync(actor, () => TemplateAccess.EnsureCanManage(actor), cancellationToken);
    }

    // Closed and cancelled rollouts change no more, so an older checklist there is history, not work to follow up.
    private static IQueryable<ClearanceGate> GatesOnOlderVersions(ElearningRolloutDbContext db) =>
        db.ClearanceGates.AsNoTracking().Where(g =>
            g.TemplateVersion < db.GateTemplates.Where(t => t.Kind == g.Kind).Select(t => t.TemplateVersion).FirstOrDefault()
            && db.Rollouts.Any(r => r.Id == g.RolloutId && !LifecycleStatusRules.Final.Contains(r.LifecycleStatus)));
}
