using ElearningRollout.Domain.CostSharing;
using FluentValidation;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// The rules of the cost line form, in the form and again on the server. Every split problem is reported
/// under "Split" (one list beside the split editor), in the same words the domain uses.
/// </summary>
public sealed class CostLineDraftValidator : AbstractValidator<CostLineDraft>
{
    public CostLineDraftValidator()
    {
        RuleFor(d => d.Category).NotNull().WithMessage("Choose a cost category.")
            .IsInEnum().WithMessage("Choose a cost category.");
        RuleFor(d => d.Description).NotEmpty().WithMessage("Describe the cost.")
            .MaximumLength(CostLineTerms.MaxDescriptionLength)
            .WithMessage($"Keep the description to {CostLineTerms.MaxDescriptionLength} characters.");
        RuleFor(d => d.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the amount.")
            .GreaterThan(0m).WithMessage("The amount must be more than zero.")
            .LessThanOrEqualTo(Money.MaxAmount).WithMessage("The amount cannot be more than 1,000,000,000,000.")
            .Must(a => Money.HasAtMostTwoDecimals(a!.Value)).WithMessage("The amount can have at most two decimals (cents).");
        RuleFor(d => d.Currency).Must(Money.IsCurrencyCode)
            .WithMessage("Use a three-letter ISO 4217 currency code in capitals, such as EUR.");
        RuleFor(d => d.Nature).IsInEnum().WithMessage("Choose CapEx or OpEx.");
        RuleFor(d => d.Recurrence).IsInEnum().WithMessage("Choose how often the amount is paid.");
        RuleFor(d => d.Split).Custom((_, context) =>
        {
            foreach (var problem in CostSplit.ProblemsWith(context.InstanceToValidate.Shares()))
            {
                context.AddFailure(problem);
            }
        });
    }
}

/// <summary>The rules of the "record actual spend" form.</summary>
public sealed class ActualSpendDraftValidator : AbstractValidator<ActualSpendDraft>
{
    public ActualSpendDraftValidator()
    {
        RuleFor(d => d.SpentOn).NotNull().WithMessage("Enter the date the money was spent.");
        RuleFor(d => d.Amount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the amount spent.")
            .GreaterThan(0m).WithMessage("The amount spent must be more than zero.")
            .LessThanOrEqualTo(Money.MaxAmount).WithMessage("The amount spent cannot be more than 1,000,000,000,000.")
            .Must(a => Money.HasAtMostTwoDecimals(a!.Value)).WithMessage("The amount spent can have at most two decimals (cents).");
        RuleFor(d => d.Note).MaximumLength(ActualSpend.MaxNoteLength)
            .WithMessage($"Keep the note to {ActualSpend.MaxNoteLength} characters.");
    }
}
