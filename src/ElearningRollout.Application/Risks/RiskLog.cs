using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Risks;

/// <summary>The risks and issues log of a rollout: where Training-IT conflicts are raised and closed.</summary>
public sealed class RiskLog(
    IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, TimeProvider clock, RiskDraftValidator validator, RefusalAudit refusals)
{
    public async Task<Page<RiskRow>> ListAsync(string rolloutCode, RiskListQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rolloutId = await RolloutIdAsync(db, rolloutCode, cancellationToken);
        var risks = db.RiskEntries.AsNoTracking().Where(r => r.RolloutId == rolloutId);
        if (query.Type is { } type)
        {
            risks = risks.Where(r => r.Type == type);
        }

        if (query.Status is { } status)
        {
            risks = risks.Where(r => r.Status == status);
        }

        if (query.Severity is { } severity)
        {
            risks = risks.Where(r => r.Severity == severity);
        }

        if (!string.IsNullOrWhiteSpace(query.OwningDepartment))
        {
            risks = risks.Where(r => r.OwningDepartment == query.OwningDepartment);
        }

        var total = await risks.CountAsync(cancellationToken);
        var rows = await risks.OrderByDescending(r => r.Id).Skip(page.Skip).Take(page.SafeSize)
            .Select(r => new RiskRow(
                r.Id, r.Type, r.Title, r.Description, r.RaisedByDepartment, r.OwningDepartment, r.Severity, r.Likelihood, r.Status,
                db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Resolution, r.RaisedAt,
                db.Users.Where(u => u.Id == r.RaisedById).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                r.Version))
            .ToListAsync(cancellationToken);
        return new Page<RiskRow>(rows, total);
    }

    public async Task RaiseAsync(string rolloutCode, RiskDraft draft, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var rollout = await db.Rollouts.AsNoTracking().Where(r => r.Code == rolloutCode)
            .Select(r => new { r.Id, r.TrainingOwnerId, r.LifecycleStatus }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no rollout {rolloutCode}.");
        await refusals.EnsureAsync(actor, () => RolloutAccess.EnsureCanRaiseRisks(actor, rollout.TrainingOwnerId), cancellationToken);
        await validator.EnsureValidAsync(draft, cancellationToken);
        await EnsureDepartmentAsync(db, draft.OwningDepartment, cancellationToken);

        var risk = new RiskEntry(rollout.Id, draft.Type, draft.Title, draft.Description, RaisingDepartment(actor), draft.OwningDepartment,
            draft.Severity, draft.Type == RiskEntryType.Risk ? draft.Likelihood : null, actor.UserId, clock.GetUtcNow());
        risk.AssignOwner(draft.OwningDepartment, string.IsNullOrEmpty(draft.OwnerId) ? null : draft.OwnerId);
        db.RiskEntries.Add(risk);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Resolve, Accept and Close take <paramref name="text"/> (the resolution or rationale).</summary>
    public async Task ChangeStatusAsync(Guid riskId, RiskAction action, string? text, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = AuditActor.Of(actor);
        var risk = await db.RiskEntries.SingleOrDefaultAsync(r => r.Id == riskId, cancellationToken)
            ?? throw new NotFoundException("That risk or issue no longer exists.");
        var ownerId = await db.Rollouts.Where(r => r.Id == risk.RolloutId).Select(r => r.TrainingOwnerId).SingleAsync(cancellationToken);
        if (risk.RaisedById != actor.UserId)
        {
            await refusals.EnsureAsync(actor, () => RolloutAccess.EnsureCanRaiseRisks(actor, ownerId), cancellationToken);
        }

        var guard = ConcurrencyGuard.ForEntity("risk or issue", risk.Id);
        await guard.EnsureVersionAsync(db, risk, risk.Version, expectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        switch (action)
        {
            case RiskAction.StartMitigating: risk.StartMitigating(); break;
            case RiskAction.Resolve: risk.Resolve(text ?? "", now); break;
            case RiskAction.Accept: risk.Accept(text ?? "", now); break;
            case RiskAction.Reopen: risk.Reopen(); break;
            case RiskAction.Close: risk.Close(text, now); break;
            default: throw new DomainException("That change of status is not known.");
        }

        await guard.SaveAsync(db, cancellationToken);
    }


    // An actor without a department (an account made before departments) still raises as something readable.
    private static string RaisingDepartment(Actor actor) => string.IsNullOrWhiteSpace(actor.Department) ? "Unknown" : actor.Department;

    private static async Task<Guid> RolloutIdAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await db.Rollouts.Where(r => r.Code == code).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException($"There is no rollout {code}.");

    private static async Task EnsureDepartmentAsync(ElearningRolloutDbContext db, string name, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Name == name, cancellationToken))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [nameof(RiskDraft.OwningDepartment)] = ["Choose one of the departments."],
            });
        }
    }
}
