using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>One gate kind, the phase whose exit it guards, and whether a rollout needs it.</summary>
public sealed record GateRequirement(GateKind Kind, PhaseKind GuardedPhase, bool IsRequired);

/// <summary>
/// What people call gate kinds. Who decides them is <see cref="GateApprovalPolicy"/>; which kinds a rollout needs, and
/// at which phase, is data: see <see cref="GateTemplateSet"/>.
/// </summary>
public static class GateRequirements
{
    public static string DisplayName(this GateKind kind) => kind switch
    {
        GateKind.SecurityReview => "Security review",
        GateKind.PrivacyAndDataProtection => "Privacy and data protection",
        GateKind.InfrastructureAndNetwork => "Infrastructure and network",
        GateKind.IntegrationAndContentStandards => "Integration and content standards",
        GateKind.AccessibilityAndSupport => "Accessibility and support",
        GateKind.BudgetAgreement => "Budget agreement",
        GateKind.GoLiveSignOff => "Go-live sign-off",
        _ => kind.ToString(),
    };
}
