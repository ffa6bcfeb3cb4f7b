using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Templates;

/// <summary>The phase and gate templates as administrators edit them, and where older versions are still in use.</summary>
public sealed class TemplateQueries(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals, Rollouts.RolloutPeopleRules people) : IUseCases
{
    /// <summary>Every phase in order with the gate templates at its exit, and how many open rollouts use an older version.</summary>
    public async Task<IReadOnlyList<PhaseWithGates>> PhasesAndGatesAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var templates = await GateTemplateStore.Whole(db).AsNoTracking().ToListAsync(cancellationToken);
        var publisherIds = templates.Select(t => t.PublishedById)
            .Concat(templates.Where(t => t.ApprovalPolicy is not null)
                .SelectMany(t => t.ApprovalPolicy.NamedPeople.Append(t.ApprovalPolicy.EscalateToId).Append(t.ApprovalPolicy.PublishedById)))
            .OfType<string>().Distinct().ToList();
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
            olderCounts.GetValueOrDefault(t.Kind),
            PolicyView(t, id => publishers.GetValueOrDefault(id, "a former user")))).ToList();
        return [.. PhaseTemplate.Standard.Select(phase => new PhaseWithGates(phase, [.. views.Where(v => v.GuardedPhase == phase)]))];
    }

    /// <summary>Whom an administrator may name in <paramref name="kind"/>'s approval policy, per role that may decide it, and whom they may escalate to.</summary>
    public async Task<ApprovalPolicyPeople> ApprovalPolicyPeopleAsync(GateKind kind, CancellationToken cancellationToken = default)
    {
        await EnsureCanManageAsync(cancellationToken);
        var byRole = new Dictionary<string, IReadOnlyList<Rollouts.PersonChoice>>();
        foreach (var role in GateApprovalPolicy.DecidingRoles.Where(r => GateApprovalPolicy.WhyRoleMayNotDecide(kind, r) is null))
        {
            byRole[role] = await people.InRoleAsync(role, cancellationToken);
        }

        return new ApprovalPolicyPeople(
            byRole,
            await people.InAnyRoleAsync([Roles.ItLead, Roles.Executive, Roles.Administrator, Roles.TrainingManager], cancellationToken));
    }

    /// <summary>The template's approval policy as administrators read it (a template not yet backfilled reads as the shipped default).</summary>
    private static ApprovalPolicyView? PolicyView(GateTemplate template, Func<string, string> name)
    {
        var policy = template.ApprovalPolicy;
        if (policy is null)
        {
            return null;
        }

        var approval = GateApprovalPolicy.For(template.Kind);
        Rollouts.PersonChoice Person(string id) => new(id, name(id));
        return new ApprovalPolicyView(
            policy.PolicyVersion,
            string.IsNullOrEmpty(policy.DecidingRole) ? approval.DecidingRole : policy.DecidingRole,
            string.IsNullOrEmpty(policy.DecidingRole) ? approval.DeciderName : GateApprovalPolicy.DeciderNameOf(policy.DecidingRole),
            policy.Rule,
            policy.RequiredApprovals,
            [.. policy.NamedReviewerIds.Select(Person)],
            [.. policy.Groups.Select(g => new ReviewerGroupView(g.Name, [.. g.MemberIds.Select(Person)]))],
            policy.DeadlineWorkingDays,
            policy.EscalateToId is { } escalate ? Person(escalate) : null,
            policy.PublishedAt,
            policy.PublishedById is { } by ? name(by) : null,
            policy.Describe(approval));
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
