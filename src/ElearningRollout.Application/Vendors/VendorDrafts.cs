using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Application.Vendors;

/// <summary>The form model for a vendor's name and contact (Training and IT).</summary>
public sealed class VendorDraft
{
    public string Name { get; set; } = "";

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }
}

/// <summary>The form model for a vendor's security record (IT leads).</summary>
public sealed class VendorSecurityDraft
{
    public QuestionnaireKind? Questionnaire { get; set; }

    public QuestionnaireStatus QuestionnaireStatus { get; set; } = QuestionnaireStatus.NotSent;

    public DateOnly? QuestionnaireDate { get; set; }

    public bool DpaSigned { get; set; }

    public string? DataResidency { get; set; }
}

/// <summary>The form model for an engagement's commercial terms and SLA.</summary>
public class EngagementTermsDraft
{
    public decimal? ContractValue { get; set; }

    public string Currency { get; set; } = "EUR";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public decimal? UptimePercent { get; set; }

    public int? P1ResponseHours { get; set; }

    internal EngagementTerms ToTerms() =>
        new(ContractValue, ContractValue is null ? null : Currency, StartDate, EndDate, UptimePercent, P1ResponseHours);
}

/// <summary>The form model for proposing a vendor on a rollout: which vendor, for what work, on which terms.</summary>
public sealed class EngagementProposalDraft : EngagementTermsDraft
{
    public Guid? VendorId { get; set; }

    public EngagementType? Type { get; set; }
}

/// <summary>The form model of one technical requirement.</summary>
public sealed class RequirementDraft
{
    public string Topic { get; set; } = "";

    public string Text { get; set; } = "";
}

/// <summary>The form model for recording (or renewing) a certification.</summary>
public sealed class CertificationDraft
{
    public CertificationKind? Kind { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}
