using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>
/// The departments people belong to and costs are split between, read. Training, IT and Leadership come built in;
/// administrators add more (cost-sharing splits and risk owners then offer them).
/// </summary>
public sealed class DepartmentQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor) : IUseCases
{
    public async Task<IReadOnlyList<DepartmentRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new DepartmentRow(d.Id, d.Name, db.Users.Count(u => u.DepartmentId == d.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The names to choose from (risk owners, cost splits, accounts), alphabetically.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
    }
}
