using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Application.Vendors;

public sealed record CertificationView(CertificationKind Kind, DateOnly ExpiresOn, CertificationStanding Standing);

/// <summary>A certification that needs attention, named with its vendor (for engagements and the Security review gate).</summary>
public sealed record CertificationAlert(Guid VendorId, string VendorName, CertificationKind Kind, DateOnly ExpiresOn, CertificationStanding Standing);

public sealed record VendorListQuery(string? Search = null, bool NeedingAttentionOnly = false);

public sealed record VendorRow(
    Guid Id, string Name, string? ContactName, IReadOnlyList<CertificationView> Certifications, QuestionnaireKind? Questionnaire,
    QuestionnaireStatus QuestionnaireStatus, bool DpaSigned, string? DataResidency, int OpenEngagements)
{
    public bool NeedsAttention => Certifications.Any(c => c.Standing != CertificationStanding.Current);
}

/// <summary>What the signed-in person may do with a vendor record (the server checks again on every command).</summary>
public sealed record VendorPermissions(bool EditContact, bool EditSecurity);

public sealed record VendorEngagementRow(Guid Id, string RolloutCode, string RolloutTitle, EngagementType Type, EngagementStatus Status);

public sealed record VendorDetails(
    Guid Id, string Name, string? ContactName, string? ContactEmail, string? ContactPhone,
    QuestionnaireKind? Questionnaire, QuestionnaireStatus QuestionnaireStatus, DateOnly? QuestionnaireDate,
    bool DpaSigned, string? DataResidency, IReadOnlyList<CertificationView> Certifications,
    IReadOnlyList<VendorEngagementRow> Engagements, Guid Version, VendorPermissions Can)
{
    public bool NeedsAttention => Certifications.Any(c => c.Standing != CertificationStanding.Current);

    public VendorDraft ToDraft() => new() { Name = Name, ContactName = ContactName, ContactEmail = ContactEmail, ContactPhone = ContactPhone };

    public VendorSecurityDraft ToSecurityDraft() => new()
    {
        Questionnaire = Questionnaire, QuestionnaireStatus = QuestionnaireStatus, QuestionnaireDate = QuestionnaireDate,
        DpaSigned = DpaSigned, DataResidency = DataResidency,
    };
}

public sealed record VendorChoice(Guid Id, string Name);

public sealed record RequirementView(
    Guid Id, int Order, string Topic, string Text, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? RecordedBy);

public sealed record DeliverableView(
    DeliverableStage Stage, DeliverableState State, string? SubmissionNote, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt,
    string? DecidedBy, string? RejectionComments, int Rejections, bool CanSubmit, bool CanDecide,
    CoursePackages.CoursePackageView? Package = null, bool CanCheckPackage = false);

public sealed record EngagementView(
    Guid Id, Guid VendorId, string VendorName, EngagementType Type, EngagementStatus Status, DateTimeOffset StatusChangedAt,
    decimal? ContractValue, string? Currency, DateOnly? StartDate, DateOnly? EndDate, decimal? UptimePercent, int? P1ResponseHours,
    string? TerminationReason, IReadOnlyList<EngagementStatus> NextStatuses, IReadOnlyList<CertificationAlert> Alerts,
    IReadOnlyList<RequirementView> Requirements, IReadOnlyList<DeliverableView> Deliverables, Guid Version)
{
    public bool IsFinal => VendorEngagement.IsFinalStatus(Status);

    public int AcknowledgedRequirements => Requirements.Count(r => r.AcknowledgedAt is not null);

    public EngagementTermsDraft ToTermsDraft() => new()
    {
        ContractValue = ContractValue, Currency = Currency ?? "EUR", StartDate = StartDate, EndDate = EndDate,
        UptimePercent = UptimePercent, P1ResponseHours = P1ResponseHours,
    };
}

/// <summary>What the signed-in person may do on the rollout's Vendors tab now (the server checks again on every command).</summary>
public sealed record EngagementPermissions(bool Manage, bool EditRequirements, bool RecordAcknowledgements);

/// <summary>What a rollout's Vendors tab shows. Vendor selection will add its own section beside the engagements.</summary>
public sealed record RolloutVendors(
    string RolloutCode, string RolloutTitle, IReadOnlyList<EngagementView> Engagements, IReadOnlyList<VendorChoice> VendorChoices,
    EngagementPermissions Can);

/// <summary>The technical requirements as the vendor is sent them.</summary>
public sealed record RequirementsSheet(
    string RolloutCode, string RolloutTitle, string VendorName, EngagementType Type, EngagementStatus Status,
    string? ItLiaison, IReadOnlyList<RequirementView> Requirements);
