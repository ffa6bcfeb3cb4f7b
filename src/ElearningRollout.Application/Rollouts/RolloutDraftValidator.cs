using FluentValidation;

namespace ElearningRollout.Application.Rollouts;

/// <summary>The rules of the rollout form, run in the form and again on the server before any write.</summary>
public sealed class RolloutDraftValidator : AbstractValidator<RolloutDraft>
{
}
