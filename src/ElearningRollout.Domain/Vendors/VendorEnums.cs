namespace ElearningRollout.Domain.Vendors;

/// <summary>Independent evidence that a vendor's security controls work (docs/domain-content.md, Security review).</summary>
public enum CertificationKind
{
    Soc2TypeII,
    Iso27001,
}

/// <summary>The security questionnaire a vendor answered, sized to the risk.</summary>
public enum QuestionnaireKind
{
    SigLite,
    Caiq,
    Hecvat,
    Own,
}

public enum QuestionnaireStatus
{
    NotSent,
    Sent,
    Answered,
    Reviewed,
}

/// <summary>What the vendor does for a rollout.</summary>
public enum EngagementType
{
    CourseDevelopment,
    Hosting,
    LmsPlatform,
    Integration,
    Support,
}

/// <summary>Proposed -> Evaluating -> Contracted -> Active -> Completed; any open engagement may be Terminated with a reason.</summary>
public enum EngagementStatus
{
    Proposed,
    Evaluating,
    Contracted,
    Active,
    Completed,
    Terminated,
}

/// <summary>The course-development cycle, signed off in this order.</summary>
public enum DeliverableStage
{
    Storyboard,
    Alpha,
    Beta,
    Gold,
}

public enum DeliverableState
{
    NotSubmitted,
    Submitted,
    SignedOff,
    Rejected,
}

/// <summary>How a certification stands on a given day.</summary>
public enum CertificationStanding
{
    Current,
    ExpiringSoon,
    Expired,
}

public static class VendorNames
{
    public static string DisplayName(this CertificationKind kind) => kind switch
    {
        CertificationKind.Soc2TypeII => "SOC 2 Type II",
        CertificationKind.Iso27001 => "ISO 27001",
        _ => kind.ToString(),
    };

    public static string DisplayName(this QuestionnaireKind kind) => kind switch
    {
        QuestionnaireKind.SigLite => "SIG Lite",
        QuestionnaireKind.Caiq => "CAIQ",
        QuestionnaireKind.Hecvat => "HECVAT",
        QuestionnaireKind.Own => "Our own questionnaire",
        _ => kind.ToString(),
    };

    public static string DisplayName(this QuestionnaireStatus status) => status switch
    {
        QuestionnaireStatus.NotSent => "Not sent",
        _ => status.ToString(),
    };

    public static string DisplayName(this EngagementType type) => type switch
    {
        EngagementType.CourseDevelopment => "Course development",
        EngagementType.LmsPlatform => "LMS platform",
        _ => type.ToString(),
    };

    public static string DisplayName(this DeliverableState state) => state switch
    {
        DeliverableState.NotSubmitted => "Not submitted",
        DeliverableState.SignedOff => "Signed off",
        _ => state.ToString(),
    };

    public static string DisplayName(this CertificationStanding standing) => standing switch
    {
        CertificationStanding.ExpiringSoon => "Expiring soon",
        _ => standing.ToString(),
    };
}
