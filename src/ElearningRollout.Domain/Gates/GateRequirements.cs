using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>One gate kind, the phase whose exit it guards, and whether a rollout needs it.</summary>
public sealed record GateRequirement(GateKind Kind, PhaseKind GuardedPhase, bool IsRequired);

/// <summary>
/// Which clearance gates a rollout needs, after the table in domain-content.md.
/// Pure: the same facts always give the same answer.
/// </summary>
public static class GateRequirements
{
    /// <summary>Every gate kind with its guarded phase, in phase order; IsRequired says whether this rollout needs it.</summary>
    public static IReadOnlyList<GateRequirement> For(ItInvolvementProfile profile, bool anyVendorInvolved) =>
    [
        new(GateKind.BudgetAgreement, PhaseKind.Initiation, true),
        new(GateKind.InfrastructureAndNetwork, PhaseKind.Assessment, true),
        new(GateKind.SecurityReview, PhaseKind.VendorSelection, anyVendorInvolved),
        new(GateKind.PrivacyAndDataProtection, PhaseKind.VendorSelection, anyVendorInvolved),
        new(GateKind.IntegrationAndContentStandards, PhaseKind.DesignAndBuild, profile != ItInvolvementProfile.Light),
        new(GateKind.AccessibilityAndSupport, PhaseKind.Pilot, true),
        new(GateKind.GoLiveSignOff, PhaseKind.GoLive, true),
    ];

    public static IReadOnlyList<GateRequirement> For(Rollout rollout) => For(rollout.Profile, rollout.AnyVendorInvolved);

    public static PhaseKind GuardedPhaseOf(GateKind kind) => kind switch
    {
        GateKind.BudgetAgreement => PhaseKind.Initiation,
        GateKind.InfrastructureAndNetwork => PhaseKind.Assessment,
        GateKind.SecurityReview or GateKind.PrivacyAndDataProtection => PhaseKind.VendorSelection,
        GateKind.IntegrationAndContentStandards => PhaseKind.DesignAndBuild,
        GateKind.AccessibilityAndSupport => PhaseKind.Pilot,
        GateKind.GoLiveSignOff => PhaseKind.GoLive,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

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
