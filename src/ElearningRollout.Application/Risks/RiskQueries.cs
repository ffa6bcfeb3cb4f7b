using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Risks;

/// <summary>The risks and issues log of a rollout, read: where Training-IT conflicts are listed and filtered.</summary>
public sealed class RiskQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
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

    private static async Task<Guid> RolloutIdAsync(ElearningRolloutDbContext db, string code, CancellationToken cancellationToken)
        => await db.Rollouts.Where(r => r.Code == code).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
           ?? throw new NotFoundException($"There is no rollout {code}.");
}
