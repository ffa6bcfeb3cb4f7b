using ElearningRollout.Application.Common;
using ElearningRollout.Application.Glossary;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Gates;

public sealed record ChecklistItemView(
    Guid Id, int Order, string Text, bool IsRequired, ChecklistItemState State, string? Evidence, string? SetBy, DateTimeOffset? SetAt,
    IReadOnlyList<GlossaryEntry> Terms)
{
    /// <summary>The gate's own rule (<see cref="GateChecklistItem.BlocksApproval"/>): a required item still open or failed.</summary>
    public bool BlocksApproval => ChecklistItemStateRules.BlocksApproval(IsRequired, State);
}

public sealed record ReviewRoundView(
    int Number, string? SubmittedBy, DateTimeOffset? SubmittedAt, GateDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? Rationale);

public sealed record ConditionView(
    Guid Id, int RoundNumber, string Text, PersonChoice Owner, DateOnly DueDate, DateTimeOffset? MetAt, bool IsOverdue, bool CanMeet);

/// <summary>What the signed-in person may do on this gate now (the server checks again on every command).</summary>
public sealed record GatePermissions(bool EditChecklist, bool Submit, bool Decide, bool Waive, bool SignOff, bool Comment);

public sealed record GateDetails(
    Guid Id,
    string RolloutCode,
    string RolloutTitle,
    GateKind Kind,
    PhaseKind GuardedPhase,
    bool IsRequired,
    GateState State,
    PersonChoice? Reviewer,
    DateOnly? DueDate,
    bool IsOverdue,
    Guid Version,
    IReadOnlyList<ChecklistItemView> Checklist,
    IReadOnlyList<ReviewRoundView> Rounds,
    IReadOnlyList<ConditionView> Conditions,
    IReadOnlyList<CommentView> Comments,
    GatePermissions Can,
    PersonChoice? DefaultReviewer,
    IReadOnlyList<PersonChoice> ReviewerChoices,
    IReadOnlyList<PersonChoice> ConditionOwnerChoices,
    DateOnly DefaultDueDate,
    IReadOnlyList<Vendors.CertificationAlert> VendorAlerts);

public sealed record ReviewQueueQuery(GateKind? Kind = null, string? Rollout = null);

public sealed record ReviewQueueRow(
    Guid GateId, string RolloutCode, string RolloutTitle, GateKind Kind, GateState State, string? Reviewer, bool IsMine,
    DateOnly? DueDate, bool IsOverdue);

public enum DecisionKind
{
    Approve,
    ApproveWithConditions,
    Reject,
}

/// <summary>One condition as the reviewer types it.</summary>
public sealed class ConditionDraft
{
    public string Text { get; set; } = "";

    public string? OwnerId { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>The form model of a review decision.</summary>
public sealed class GateDecisionDraft
{
    public DecisionKind Decision { get; set; } = DecisionKind.Approve;

    public string Rationale { get; set; } = "";

    public List<ConditionDraft> Conditions { get; set; } = [];
}
