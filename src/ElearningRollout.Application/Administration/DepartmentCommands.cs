using ElearningRollout.Application.Identity;
using ElearningRollout.Domain.Common;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Administration;

/// <summary>Administrators add departments; the name is unique, case-insensitively.</summary>
public sealed class DepartmentCommands(EditPipeline edits) : IUseCases
{
    public const int MaxNameLength = 80;

    public async Task AddAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await edits.ActAsync(new EditAccess<EditContext>(e => EnsureAdministrator(e.Actor)), async (e, ct) =>
            {
                await e.EnsureValidAsync(new DepartmentDraft { Name = name ?? "" }, ct);
                e.Db.Departments.Add(new Department { Name = name!.Trim() });
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same name at the same moment; the unique index kept theirs.
            throw new ValidationFailedException(new Dictionary<string, string[]> { [nameof(DepartmentDraft.Name)] = [DepartmentServerRules.Duplicate((name ?? "").Trim())] });
        }
    }

    private static void EnsureAdministrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new AccessRefusedException("Only administrators add departments.");
        }
    }
}

/// <summary>The name of a new department.</summary>
public sealed class DepartmentDraft
{
    public string Name { get; set; } = "";
}

/// <summary>A department's name: given and not too long.</summary>
public sealed class DepartmentDraftValidator : AbstractValidator<DepartmentDraft>
{
    public DepartmentDraftValidator()
        => RuleFor(d => d.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter the department's name.")
            .Must(n => n.Trim().Length <= DepartmentCommands.MaxNameLength).WithMessage($"Keep the name to {DepartmentCommands.MaxNameLength} characters.");
}

/// <summary>A department's name is not taken, whatever its case.</summary>
public sealed class DepartmentServerRules : ServerRules<DepartmentDraft>
{
    public DepartmentServerRules()
        => RuleFor(d => d.Name)
            .MustAsync(async (_, name, context, ct) => await UniqueName.TakenAsync(Edit(context).Db.Departments, d => d.Name, name, ct) is null)
            .When(d => !string.IsNullOrWhiteSpace(d.Name))
            .WithMessage(d => Duplicate(d.Name.Trim()));

    internal static string Duplicate(string name) => $"There is already a department called {name}.";
}
