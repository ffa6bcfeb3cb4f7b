using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

public sealed record DepartmentRow(int Id, string Name, int People);

/// <summary>
/// The departments people belong to and costs are split between. Training, IT and Leadership come built in;
/// administrators add more (cost-sharing splits and risk owners then offer them).
/// </summary>
public sealed class DepartmentDirectory(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals) : IUseCases
{
    public const int MaxNameLength = 80;

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

    public async Task AddAsync(string name, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        if (!actor.IsAdministrator)
        {
            throw await refusals.RefuseAsync(actor, "Only administrators add departments.", cancellationToken);
        }

        var trimmed = (name ?? "").Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = trimmed.Length == 0 ? "Enter the department's name."
            : trimmed.Length > MaxNameLength ? $"Keep the name to {MaxNameLength} characters."
            : await UniqueName.TakenAsync(db.Departments, d => d.Name, trimmed, cancellationToken) is not null ? Duplicate(trimmed)
            : null;
        if (problem is not null)
        {
            throw NameProblem(problem);
        }

        db.AuditActor = AuditActor.Of(actor);
        db.Departments.Add(new Department { Name = trimmed });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same name at the same moment; the unique index kept theirs.
            throw NameProblem(Duplicate(trimmed));
        }
    }

    private static string Duplicate(string name) => $"There is already a department called {name}.";

    private static ValidationFailedException NameProblem(string problem) => new(new Dictionary<string, string[]> { ["Name"] = [problem] });
}
