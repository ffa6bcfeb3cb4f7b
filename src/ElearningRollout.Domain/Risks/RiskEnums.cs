namespace ElearningRollout.Domain.Risks;

/// <summary>A risk may happen; an issue has happened.</summary>
public enum RiskEntryType
{
    Risk,
    Issue,
}

public enum RiskSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>How likely a risk is to happen; issues have none.</summary>
public enum RiskLikelihood
{
    Rare,
    Unlikely,
    Possible,
    Likely,
    AlmostCertain,
}

/// <summary>
/// Open -> Mitigating -> Resolved | Accepted (risks only) -> Closed; Resolved and Accepted may be
/// reopened; Closed is final.
/// </summary>
public enum RiskStatus
{
    Open,
    Mitigating,
    Resolved,
    Accepted,
    Closed,
}
