using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Templates;

/// <summary>A phase of the rollout template and the gate templates at its exit (none for Evaluation).</summary>
public sealed record PhaseWithGates(PhaseKind Phase, IReadOnlyList<GateTemplateView> Gates);

/// <param name="RolloutsOnOlderVersions">Open rollouts whose gate of this kind came from an earlier version.</param>
public sealed record GateTemplateView(
    GateKind Kind,
    PhaseKind GuardedPhase,
    InvolvementProfiles RequiredFor,
    bool OnlyWhenVendorInvolved,
    int TemplateVersion,
    DateTimeOffset PublishedAt,
    string? PublishedBy,
    Guid Version,
    IReadOnlyList<GateTemplateItemView> Items,
    int RolloutsOnOlderVersions);

public sealed record GateTemplateItemView(Guid Id, string Text, bool IsRequired, AgreementFact? FollowsAgreement);

/// <summary>A rollout whose gate still carries the checklist of an earlier template version.</summary>
public sealed record RolloutOnOlderVersion(string Code, string Title, int TemplateVersion, GateState GateState);
