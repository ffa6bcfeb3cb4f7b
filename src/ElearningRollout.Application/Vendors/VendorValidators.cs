using ElearningRollout.Domain.Vendors;
using FluentValidation;

namespace ElearningRollout.Application.Vendors;

/// <summary>The vendor form's rules, in the form and again on the server.</summary>
public sealed class VendorDraftValidator : AbstractValidator<VendorDraft>
{
    public VendorDraftValidator()
    {
        RuleFor(d => d.Name).NotEmpty().WithMessage("Give the vendor's name.")
            .MaximumLength(Vendor.MaxNameLength).WithMessage($"Keep the name to {Vendor.MaxNameLength} characters.");
        RuleFor(d => d.ContactName).MaximumLength(Vendor.MaxContactLength);
        RuleFor(d => d.ContactPhone).MaximumLength(Vendor.MaxContactLength);
        RuleFor(d => d.ContactEmail).MaximumLength(Vendor.MaxContactLength)
            .EmailAddress().When(d => !string.IsNullOrWhiteSpace(d.ContactEmail)).WithMessage("Give an e-mail address such as name@vendor.com.");
    }
}

public sealed class VendorSecurityDraftValidator : AbstractValidator<VendorSecurityDraft>
{
    public VendorSecurityDraftValidator()
    {
        RuleFor(d => d.Questionnaire).NotNull().When(d => d.QuestionnaireStatus != QuestionnaireStatus.NotSent)
            .WithMessage("Say which questionnaire was sent.");
        RuleFor(d => d.QuestionnaireDate).NotNull().When(d => d.QuestionnaireStatus != QuestionnaireStatus.NotSent)
            .WithMessage("Give the date it reached this status.");
        RuleFor(d => d.DataResidency).MaximumLength(Vendor.MaxResidencyLength);
    }
}

public sealed class EngagementTermsDraftValidator : AbstractValidator<EngagementTermsDraft>
{
    public EngagementTermsDraftValidator()
    {
        RuleFor(d => d.ContractValue).GreaterThanOrEqualTo(0).WithMessage("The contract value cannot be negative.");
        RuleFor(d => d.Currency).Matches("^[A-Za-z]{3}$").When(d => d.ContractValue is not null)
            .WithMessage("Use a three-letter ISO code, e.g. EUR.");
        RuleFor(d => d.EndDate).GreaterThanOrEqualTo(d => d.StartDate).When(d => d.StartDate is not null && d.EndDate is not null)
            .WithMessage("The end cannot be before the start.");
        RuleFor(d => d.UptimePercent).GreaterThan(0).LessThanOrEqualTo(100)
            .WithMessage("Uptime is a percentage above 0 and at most 100, e.g. 99.9.");
        RuleFor(d => d.P1ResponseHours).GreaterThan(0).WithMessage("At least one hour.");
    }
}

public sealed class EngagementProposalDraftValidator : AbstractValidator<EngagementProposalDraft>
{
    public EngagementProposalDraftValidator(EngagementTermsDraftValidator terms)
    {
        RuleFor(d => d.VendorId).NotNull().WithMessage("Choose the vendor.");
        RuleFor(d => d.Type).NotNull().WithMessage("Choose what the vendor does.");
        Include(terms);
    }
}

public sealed class RequirementDraftValidator : AbstractValidator<RequirementDraft>
{
    public RequirementDraftValidator()
    {
        RuleFor(d => d.Topic).NotEmpty().WithMessage("Give a short topic, e.g. SSO.")
            .MaximumLength(TechnicalRequirement.MaxTopicLength);
        RuleFor(d => d.Text).NotEmpty().WithMessage("Say what the vendor must meet.")
            .MaximumLength(TechnicalRequirement.MaxTextLength).WithMessage($"Keep it to {TechnicalRequirement.MaxTextLength} characters.");
    }
}

public sealed class CertificationDraftValidator : AbstractValidator<CertificationDraft>
{
    public CertificationDraftValidator()
    {
        RuleFor(d => d.Kind).NotNull().WithMessage("Choose the certification.");
        RuleFor(d => d.ExpiresOn).NotNull().WithMessage("Give the date it expires.");
    }
}
