using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>Administrators add departments; the name is unique, case-insensitively.</summary>
public sealed class DepartmentCommands(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, RefusalAudit refusals) : IUseCases
{
    public const int MaxNameLength = 80;

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
