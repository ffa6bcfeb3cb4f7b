using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>One gate kind, the phase whose exit it guards, and whether a rollout needs it.</summary>
public sealed record GateRequirement(GateKind Kind, PhaseKind GuardedPhase, bool IsRequired);

/// <summary>
/// The fixed rules about gate kinds: who decides them and what people call them. Which kinds a rollout needs, and
/// at which phase, is data: see <see cref="GateTemplateSet"/>.
/// </summary>
public static class GateRequirements
{
    /// <summary>IT gates are decided by an IT lead; the budget agreement counts as one (IT agrees the cost shares).</summary>
    public static bool IsItGate(GateKind kind) => kind != GateKind.GoLiveSignOff;

    /// <summary>The role (see <see cref="Roles"/>) whose holders decide a gate of this kind.</summary>
    public static string DecidingRole(GateKind kind) => IsItGate(kind) ? Roles.ItLead : Roles.Executive;

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
