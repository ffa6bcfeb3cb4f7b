namespace ElearningRollout.Domain.Gates;

public enum GateKind
{
    SecurityReview,
    PrivacyAndDataProtection,
    InfrastructureAndNetwork,
    IntegrationAndContentStandards,
    AccessibilityAndSupport,
    BudgetAgreement,
    GoLiveSignOff,
}
