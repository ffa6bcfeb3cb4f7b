using ElearningRollout.Domain.Rollouts;
using FluentValidation;

namespace ElearningRollout.Application.Rollouts;

/// <summary>The rules of the rollout form, run in the form and again on the server before any write.</summary>
public sealed class RolloutDraftValidator : AbstractValidator<RolloutDraft>
{
    public const int MaxLearners = 10_000_000;

    public RolloutDraftValidator()
    {
        RuleFor(d => d.Title).NotEmpty().WithMessage("Give the rollout a title.")
            .MaximumLength(Rollout.MaxTitleLength).WithMessage($"Keep the title to {Rollout.MaxTitleLength} characters.");
        RuleFor(d => d.Summary).MaximumLength(Rollout.MaxSummaryLength)
            .WithMessage($"Keep the summary to {Rollout.MaxSummaryLength} characters.");
        RuleFor(d => d.BusinessCase).MaximumLength(Rollout.MaxBusinessCaseLength)
            .WithMessage($"Keep the business case to {Rollout.MaxBusinessCaseLength} characters.");
        RuleFor(d => d.StartDate).NotNull().WithMessage("Enter the planned start.");
        // Separate rules: a When() applies to every rule before it in the same chain.
        RuleFor(d => d.TargetGoLive).NotNull().WithMessage("Enter the target go-live.");
        RuleFor(d => d.TargetGoLive).GreaterThanOrEqualTo(d => d.StartDate).When(d => d.StartDate is not null && d.TargetGoLive is not null)
            .WithMessage("The target go-live cannot be before the planned start.");
        RuleFor(d => d.Audiences).NotEqual(Audiences.None).WithMessage("Choose at least one audience.");
        RuleFor(d => d.EstimatedLearners).InclusiveBetween(1, MaxLearners)
            .WithMessage($"Enter the number of learners (1 to {MaxLearners:N0}).");
        RuleFor(d => d.PeakConcurrentLearners).InclusiveBetween(0, MaxLearners)
            .WithMessage("Peak concurrent learners cannot be negative.")
            .LessThanOrEqualTo(d => d.EstimatedLearners)
            .WithMessage("Peak concurrent learners cannot exceed the estimated learners.");
        RuleFor(d => d.AccessChannels).NotEqual(AccessChannels.None).WithMessage("Choose at least one access channel.");
        RuleFor(d => d.HostingModel).IsInEnum().WithMessage("Choose a hosting model.");
        RuleFor(d => d.ContentSource).IsInEnum().WithMessage("Choose where the content comes from.");
        RuleFor(d => d.Integrations).Must(i => (i & ~AllIntegrations) == 0).WithMessage("Choose integrations from the list.");
        RuleFor(d => d.Audiences).Must(a => (a & ~AllAudiences) == 0).WithMessage("Choose audiences from the list.");
        RuleFor(d => d.AccessChannels).Must(a => (a & ~AllChannels) == 0).WithMessage("Choose access channels from the list.");

        // The pilot cohort is optional, but once named it must be complete and consistent.
        RuleFor(d => d.PilotCohortName).MaximumLength(PilotCohort.MaxNameLength)
            .WithMessage($"Keep the cohort name to {PilotCohort.MaxNameLength} characters.");
        RuleFor(d => d.PilotCohortName).NotEmpty().When(HasAnyPilotDetail)
            .WithMessage("Name the pilot cohort, or clear its other details.");
        RuleFor(d => d.PilotCohortSize).NotNull().When(d => !string.IsNullOrWhiteSpace(d.PilotCohortName))
            .WithMessage("Enter how many learners are in the pilot.");
        RuleFor(d => d.PilotCohortSize).InclusiveBetween(1, MaxLearners).When(d => d.PilotCohortSize is not null)
            .WithMessage("A pilot cohort needs at least one learner.");
        RuleFor(d => d.PilotEnd).GreaterThanOrEqualTo(d => d.PilotStart)
            .When(d => d.PilotStart is not null && d.PilotEnd is not null)
            .WithMessage("The pilot cannot end before it starts.");
    }

    private const Audiences AllAudiences = Audiences.Employees | Audiences.Dealers | Audiences.Customers | Audiences.Partners;

    private const AccessChannels AllChannels = AccessChannels.OfficeNetwork | AccessChannels.RemoteVpn
        | AccessChannels.PublicInternet | AccessChannels.MobileByod;

    private const Integrations AllIntegrations = Integrations.Sso | Integrations.HrisFeed | Integrations.Sap
        | Integrations.OtherErpCrm | Integrations.VideoPlatform;

    private static bool HasAnyPilotDetail(RolloutDraft d) =>
        d.PilotCohortSize is not null || d.PilotStart is not null || d.PilotEnd is not null;
}
