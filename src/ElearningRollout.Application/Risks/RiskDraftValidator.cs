using FluentValidation;

namespace ElearningRollout.Application.Risks;

public sealed class RiskDraftValidator : AbstractValidator<RiskDraft>
{
}
