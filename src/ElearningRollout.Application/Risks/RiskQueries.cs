using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Risks;

/// <summary>The risks and issues log of a rollout, read: where Training-IT conflicts are listed and filtered.</summary>
public sealed class RiskQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<Page<RiskRow>> ListAsync(string rolloutCode, RiskListQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.Rollouts.Where(r => r.Code == rolloutCode).Select(r => new { r.Id, r.TrainingOwnerId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"There is no rollout {rolloutCode}.");
        var risks = db.RiskEntries.AsNoTracking().Where(r => r.RolloutId == rollout.Id);
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
            .Select(r => new
            {
                r.Id, r.Type, r.Title, r.Description, r.RaisedByDepartment, r.OwningDepartment, r.Severity, r.Likelihood, r.Status,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                r.Resolution, r.RaisedAt, r.RaisedById,
                RaisedBy = db.Users.Where(u => u.Id == r.RaisedById).Select(u => u.DisplayName).FirstOrDefault(),
                r.Version,
            })
            .ToListAsync(cancellationToken);
        // The moves are the command's: who may move an entry (RiskCommands.MayMove, also on a closed rollout) and
        // where its status allows it to go.
        return new Page<RiskRow>(rows.Select(r => new RiskRow(
            r.Id, r.Type, r.Title, r.Description, r.RaisedByDepartment, r.OwningDepartment, r.Severity, r.Likelihood, r.Status,
            r.Owner, r.Resolution, r.RaisedAt, r.RaisedBy ?? "", r.Version,
            RiskCommands.MayMove(actor, r.RaisedById, rollout.TrainingOwnerId)
                ? [.. RiskEntry.ActionsFrom(r.Status, r.Type).Select(a => new RiskMove(a, RiskEntry.AsksWhy(a, r.Status)))]
                : [])).ToList(), total);
    }
}
