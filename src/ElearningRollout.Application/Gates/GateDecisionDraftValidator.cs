using ElearningRollout.Domain.Gates;
using FluentValidation;

namespace ElearningRollout.Application.Gates;

/// <summary>A decision's form rules: rationale where docs/domain.md asks for one, complete conditions.</summary>
public sealed class GateDecisionDraftValidator : AbstractValidator<GateDecisionDraft>
{
    public GateDecisionDraftValidator(TimeProvider clock)
    {
        RuleFor(d => d.Decision).IsInEnum().WithMessage("Choose a decision.");
        RuleFor(d => d.Rationale).NotEmpty().When(d => d.Decision != DecisionKind.Approve)
            .WithMessage("Write why: a rejection or conditions need a rationale.");
        RuleFor(d => d.Rationale).MaximumLength(ClearanceGate.MaxRationaleLength)
            .WithMessage($"Keep the rationale to {ClearanceGate.MaxRationaleLength} characters.");
        RuleFor(d => d.Conditions).NotEmpty().When(d => d.Decision == DecisionKind.ApproveWithConditions)
            .WithMessage("Add at least one condition, or approve without conditions.");
        When(d => d.Decision == DecisionKind.ApproveWithConditions, () => RuleForEach(d => d.Conditions).ChildRules(condition =>
        {
            condition.RuleFor(c => c.Text).NotEmpty().WithMessage("Say what the condition asks for.")
                .MaximumLength(GateCondition.MaxTextLength).WithMessage($"Keep a condition to {GateCondition.MaxTextLength} characters.");
            condition.RuleFor(c => c.OwnerId).NotEmpty().WithMessage("Choose who owns the condition.");
            condition.RuleFor(c => c.DueDate).NotNull().WithMessage("Set a due date.");
            condition.RuleFor(c => c.DueDate)
                .Must(due => due >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                .When(c => c.DueDate is not null)
                .WithMessage("A condition cannot be due in the past.");
        }));
    }
}
