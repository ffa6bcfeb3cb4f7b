using ElearningRollout.Domain.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Risks;

/// <summary>The rules of the "raise a risk or issue" form, in the form and again on the server.</summary>
public sealed class RiskDraftValidator : AbstractValidator<RiskDraft>
{
    public RiskDraftValidator()
    {
        RuleFor(d => d.Type).IsInEnum().WithMessage("Choose risk or issue.");
        RuleFor(d => d.Title).NotEmpty().WithMessage("Give it a short title.")
            .MaximumLength(RiskEntry.MaxTitleLength).WithMessage($"Keep the title to {RiskEntry.MaxTitleLength} characters.");
        RuleFor(d => d.Description).MaximumLength(RiskEntry.MaxDescriptionLength)
            .WithMessage($"Keep the description to {RiskEntry.MaxDescriptionLength} characters.");
        RuleFor(d => d.OwningDepartment).NotEmpty().WithMessage("Choose the department that owns it.")
            .MaximumLength(RiskEntry.MaxDepartmentLength);
        RuleFor(d => d.Severity).IsInEnum().WithMessage("Choose a severity.");
        RuleFor(d => d.Likelihood).NotNull().When(d => d.Type == RiskEntryType.Risk)
            .WithMessage("A risk needs a likelihood.");
        RuleFor(d => d.Likelihood).IsInEnum().When(d => d.Likelihood is not null).WithMessage("Choose a likelihood.");
    }
}

/// <summary>The owning department is one of the departments; a named owner is a real, active person.</summary>
public sealed class RiskDraftServerRules : ServerRules<RiskDraft>
{
    public RiskDraftServerRules()
    {
        RuleFor(d => d.OwningDepartment)
            .MustAsync(async (_, name, context, ct) => await Edit(context).Db.Departments.AnyAsync(d => d.Name == name, ct))
            .WithMessage("Choose one of the departments.");
        RuleFor(d => d.OwnerId)
            .MustAsync(async (_, ownerId, context, ct) => await People.IsActiveAsync(Edit(context).Db, ownerId!, ct))
            .When(d => !string.IsNullOrEmpty(d.OwnerId))
            .WithMessage("Choose an owner from the list: that person has no active account.");
    }
}
