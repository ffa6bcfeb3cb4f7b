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
    int RolloutsOnOlderVersions,
    ApprovalPolicyView? Policy = null);

/// <summary>A gate kind's approval policy as administrators read and edit it, with the role whose holders decide (see <see cref="ApprovalPolicy.DecidingRole"/>).</summary>
/// <param name="Summary">The quorum in words: "any one IT lead", "one IT lead from each of Security and Infrastructure".</param>
public sealed record ApprovalPolicyView(
    int PolicyVersion,
    string DecidingRole,
    string DeciderName,
    ApprovalRule Rule,
    int RequiredApprovals,
    IReadOnlyList<Rollouts.PersonChoice> NamedReviewers,
    IReadOnlyList<ReviewerGroupView> Groups,
    int DeadlineWorkingDays,
    Rollouts.PersonChoice? EscalateTo,
    DateTimeOffset PublishedAt,
    string? PublishedBy,
    string Summary);

public sealed record ReviewerGroupView(string Name, IReadOnlyList<Rollouts.PersonChoice> Members);

/// <summary>Whom an administrator may name in a kind's policy (holders of its deciding role) and escalate to (any active person).</summary>
/// <param name="ReviewersByRole">The holders of each role that may decide the kind (executives only, for go-live sign-off).</param>
public sealed record ApprovalPolicyPeople(
    IReadOnlyDictionary<string, IReadOnlyList<Rollouts.PersonChoice>> ReviewersByRole, IReadOnlyList<Rollouts.PersonChoice> EscalationChoices)
{
    /// <summary>Whom a policy in which <paramref name="role"/> decides may name.</summary>
    public IReadOnlyList<Rollouts.PersonChoice> ReviewersFor(string role) => ReviewersByRole.GetValueOrDefault(role) ?? [];
}

public sealed record GateTemplateItemView(Guid Id, string Text, bool IsRequired, AgreementFact? FollowsAgreement);

/// <summary>A rollout whose gate still carries the checklist of an earlier template version.</summary>
public sealed record RolloutOnOlderVersion(string Code, string Title, int TemplateVersion, GateState GateState);
