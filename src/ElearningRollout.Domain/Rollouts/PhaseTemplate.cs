namespace ElearningRollout.Domain.Rollouts;

/// <summary>The phases every rollout is created with, and the names people read.</summary>
public static class PhaseTemplate
{
    public static readonly IReadOnlyList<PhaseKind> Standard =
    [
        PhaseKind.Initiation,
        PhaseKind.Assessment,
        PhaseKind.VendorSelection,
        PhaseKind.DesignAndBuild,
        PhaseKind.Pilot,
        PhaseKind.GoLive,
        PhaseKind.Evaluation,
    ];

    public static string DisplayName(this PhaseKind kind) => kind switch
    {
        PhaseKind.Initiation => "Initiation",
        PhaseKind.Assessment => "Assessment",
        PhaseKind.VendorSelection => "Vendor selection",
        PhaseKind.DesignAndBuild => "Design and build",
        PhaseKind.Pilot => "Pilot",
        PhaseKind.GoLive => "Go-live",
        PhaseKind.Evaluation => "Evaluation",
        _ => kind.ToString(),
    };
}
