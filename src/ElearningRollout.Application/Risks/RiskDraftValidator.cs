using ElearningRollout.Domain.Risks;
using FluentValidation;

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
