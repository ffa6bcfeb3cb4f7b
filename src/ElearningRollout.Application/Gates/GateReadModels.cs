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
/// <param name="OffersSubmit">The person fills in this gate, so the submission is shown to them, disabled with its reason when not possible now.</param>
/// <param name="OffersDecision">The person holds the deciding role and the gate awaits a decision, so the decision is shown, disabled with its reason when not theirs.</param>
public sealed record GatePermissions(
    bool EditChecklist, bool Submit, bool Decide, bool Waive, bool SignOff, bool Comment, bool OffersSubmit = false, bool OffersDecision = false)
{
    /// <summary>Nothing at all: the person reads the gate and needs to know who acts on it.</summary>
    public bool Nothing => !EditChecklist && !Submit && !Decide && !Waive && !SignOff;
}

/// <summary>
/// Why the signed-in person may not take each action now, in the words of the rule that would refuse it (the gate's
/// own questions, the gate access rules, a closed rollout); null for an action they may take. Screens show it beside
/// the disabled or missing action.
/// </summary>
public sealed record GateRefusals(string? EditChecklist, string? Submit, string? Decide, string? Waive, string? Comment)
{
    public static readonly GateRefusals None = new(null, null, null, null, null);
}

/// <summary>A person who acts on the gate: their part on it, what that part does, and how to reach them.</summary>
public sealed record GateContact(string Part, string DisplayName, string? Email, string Acts);

/// <summary>Who acts on this gate and how to ask them, for the person who cannot act themselves.</summary>
/// <param name="Deciders">Who decides, as a rule: "An IT lead decides this gate once it is submitted ...".</param>
/// <param name="HowToAsk">What the reader can do to get a change made.</param>
public sealed record GateWhoActs(IReadOnlyList<GateContact> Contacts, string Deciders, string HowToAsk);

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
    IReadOnlyList<Vendors.CertificationAlert> VendorAlerts,
    GateRefusals Why,
    GateWhoActs WhoActs,
    LastChange? LastChange,
    GateReviewing? Reviewing = null,
    UpcomingPolicy? Upcoming = null);

/// <summary>The approval policy a submission now would be reviewed under.</summary>
/// <param name="PicksReviewer">Under "any one reviewer" the submitter picks the reviewer; otherwise the policy names them.</param>
/// <param name="DeciderName">Who decides under it, as a sentence names them: "IT lead", "executive".</param>
/// <param name="DefaultReviewerPart">The rollout's contact a submission without a picked reviewer goes to: "IT liaison", "executive sponsor".</param>
public sealed record UpcomingPolicy(int PolicyVersion, string Summary, bool PicksReviewer, int DeadlineWorkingDays, string DeciderName, string DefaultReviewerPart);

/// <summary>The current round's reviewers under the policy it was submitted under: who has decided and who is pending.</summary>
/// <param name="Policy">The quorum in words: "any one IT lead", "2 of 3 named IT leads".</param>
/// <param name="PolicyVersion">Null for a round submitted before approval policies.</param>
/// <param name="DecidableFor">The reviewers whose review the reader may decide now (themselves, or whom they stand in for).</param>
/// <param name="ReassignChoices">For an administrator: whom an undecided review may be handed to; empty otherwise.</param>
/// <param name="ReviewersDecideIndependently">The round needs more than one reviewer's decision, so each records their own
/// (<see cref="GateCommands.RecordDecisionAsync"/>) and one reviewer's decision never conflicts with another's.</param>
public sealed record GateReviewing(
    string Policy, int? PolicyVersion, IReadOnlyList<ReviewView> Reviews, IReadOnlyList<PersonChoice> DecidableFor, IReadOnlyList<PersonChoice> ReassignChoices,
    bool ReviewersDecideIndependently);

/// <summary>One reviewer's part in the current round.</summary>
/// <param name="Reviewer">Null under "any one reviewer" when nobody was picked.</param>
/// <param name="StandIn">Who holds the review today while the reviewer is away; null otherwise.</param>
/// <param name="DecidedBy">Who recorded the decision; differs from the reviewer for a stand-in's decision (<see cref="DecidedForReviewer"/>).</param>
/// <param name="NotNeeded">Left undecided because the round was settled by the others.</param>
public sealed record ReviewView(
    Guid Id, PersonChoice? Reviewer, string? Group, DateOnly? DueDate, bool IsOverdue, PersonChoice? StandIn, GateDecision? Decision, string? DecidedBy,
    bool DecidedForReviewer, DateTimeOffset? DecidedAt, string? Rationale, bool NotNeeded);

public sealed record ReviewQueueQuery(GateKind? Kind = null, string? Rollout = null);

public sealed record ReviewQueueRow(
    Guid GateId, string RolloutCode, string RolloutTitle, GateKind Kind, GateState State, string? Reviewer, bool IsMine,
    DateOnly? DueDate, bool IsOverdue)
{
    /// <summary>Working days left or overdue on the holiday calendar; null without a due date.</summary>
    public Domain.Calendar.ReviewClock? Clock { get; init; }

    /// <summary>The away reviewer whose review the reader holds as their stand-in ("for Ivan IT"); null when the review is the reader's own.</summary>
    public string? ForReviewer { get; init; }

    /// <summary>The round's pending reviews, the reader's first, each with its own due date and clock.</summary>
    public IReadOnlyList<ReviewQueueReview> Pending { get; init; } = [];
}

/// <summary>One pending review in the queue: its reviewer (null: not assigned), who holds it while they are away, and its clock.</summary>
/// <param name="IsMine">The reader holds it: their own, or one they stand in for.</param>
/// <param name="ForStandIn">The reader holds it as the reviewer's stand-in.</param>
public sealed record ReviewQueueReview(
    string? Reviewer, string? StandIn, bool IsMine, bool ForStandIn, DateOnly? DueDate, Domain.Calendar.ReviewClock? Clock);

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

    /// <summary>Whose review this decision is, when the decider may decide more than one (their own, or as a stand-in); null for their own or the only one.</summary>
    public string? ForReviewerId { get; set; }
}
