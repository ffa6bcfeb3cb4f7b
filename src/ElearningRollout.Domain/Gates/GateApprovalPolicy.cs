using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>The person on a rollout who is offered a gate for review unless the training owner picks someone else.</summary>
public enum RolloutContact
{
    ItLiaison,
    ExecutiveSponsor,
}

/// <summary>
/// Who approves a gate of one kind, and how: the role whose holders decide it, who on the rollout is its default
/// reviewer, whether its approval is the sign-off on the whole rollout (checks every other gate, carries no
/// conditions), whether it sits in the IT review queue, who may waive it, and the words people read about all that.
/// The one place that knows the difference between an IT gate and go-live sign-off: the gate, the commands, the
/// queries, the notifier, the dashboard and the screens all ask <see cref="For"/>. A new kind of approver is one
/// more instance here and the kinds that use it in <see cref="For"/>; several approvers, delegation and decision
/// deadlines are meant to extend this class.
/// The policy is keyed by <see cref="GateKind"/>, which the gate and its template already store. What administrators
/// choose per kind (how many approvals, which reviewers, the deadline, the escalation person) is template data, the
/// template's <see cref="ApprovalPolicy"/>, versioned like its checklist; this class keeps what code depends on.
/// </summary>
public sealed class GateApprovalPolicy
{
    /// <summary>IT gates: an IT lead reviews and decides, with conditions if needed; the budget agreement counts as one (IT agrees the cost shares).</summary>
    public static readonly GateApprovalPolicy ItReview = new(
        decidingRole: Roles.ItLead,
        defaultReviewer: RolloutContact.ItLiaison,
        signsOffRollout: false,
        inReviewQueue: true,
        deciderName: "IT lead",
        defaultReviewerName: "IT liaison",
        decideRefusal: kind => $"Only an IT lead can decide the {kind.DisplayName()} gate.",
        reviewerRefusal: "The reviewer must be an IT lead.",
        submitGuidance: "An IT lead reviews the checklist and decides. Fill in the required items before you submit.");

    /// <summary>Go-live sign-off: an executive (by default the rollout's sponsor) signs off the rollout as a whole.</summary>
    public static readonly GateApprovalPolicy ExecutiveSignOff = new(
        decidingRole: Roles.Executive,
        defaultReviewer: RolloutContact.ExecutiveSponsor,
        signsOffRollout: true,
        inReviewQueue: false,
        deciderName: "executive",
        defaultReviewerName: "executive sponsor",
        decideRefusal: _ => "Only an executive can give go-live sign-off.",
        reviewerRefusal: "Go-live sign-off is reviewed by an executive.",
        submitGuidance: "An executive gives go-live sign-off; every gate of the rollout must be cleared and every condition met first.");

    private readonly Func<GateKind, string> _decideRefusal;

    private GateApprovalPolicy(
        string decidingRole,
        RolloutContact defaultReviewer,
        bool signsOffRollout,
        bool inReviewQueue,
        string deciderName,
        string defaultReviewerName,
        Func<GateKind, string> decideRefusal,
        string reviewerRefusal,
        string submitGuidance)
    {
        DecidingRole = decidingRole;
        DefaultReviewer = defaultReviewer;
        SignsOffRollout = signsOffRollout;
        InReviewQueue = inReviewQueue;
        DeciderName = deciderName;
        DefaultReviewerName = defaultReviewerName;
        _decideRefusal = decideRefusal;
        ReviewerRefusal = reviewerRefusal;
        SubmitGuidance = submitGuidance;
    }

    /// <summary>The review deadline before administrators set one per kind (and of the policies the product ships).</summary>
    public const int DefaultDeadlineWorkingDays = 10;

    /// <summary>
    /// The roles an administrator may choose as a kind's deciding role in its <see cref="ApprovalPolicy"/> (the roles
    /// whose holders decide some kind today); the policy of a kind that <see cref="SignsOffRollout"/> keeps executives.
    /// </summary>
    public static IReadOnlyList<string> DecidingRoles { get; } = [Roles.ItLead, Roles.Executive];

    /// <summary>Why <paramref name="role"/> may not decide gates of <paramref name="kind"/> under its approval policy; null when it may.</summary>
    public static string? WhyRoleMayNotDecide(GateKind kind, string? role) =>
        role is null || !DecidingRoles.Contains(role) ? "Choose who decides: IT leads or executives."
        : For(kind).SignsOffRollout && role != ExecutiveSignOff.DecidingRole ? $"{kind.DisplayName()} signs off the whole rollout, so executives decide it."
        : null;

    /// <summary>
    /// The role that decides gates of <paramref name="kind"/> submitted under an approval policy version whose
    /// <see cref="ApprovalPolicy.DecidingRole"/> is <paramref name="policyRole"/>: that role, or the kind's before
    /// policies named one (or when there is no policy).
    /// </summary>
    public static string DecidingRoleUnder(GateKind kind, string? policyRole)
        => string.IsNullOrEmpty(policyRole) ? For(kind).DecidingRole : policyRole;

    /// <summary>The decider as a sentence names a holder of <paramref name="role"/>: "IT lead", "executive".</summary>
    public static string DeciderNameOf(string role) => DecidingAs(role).DeciderName;

    /// <summary>The refusal when someone without <paramref name="role"/>, the deciding role of the policy version a gate was submitted under, tries to decide it.</summary>
    public string DecideRefusal(GateKind kind, string role) => role == DecidingRole
        ? DecideRefusal(kind)
        : $"Only an {DeciderNameOf(role)} can decide the {kind.DisplayName()} gate.";

    /// <summary>Every gate, whatever its kind, may be waived by an executive, with a rationale.</summary>
    public static string WaivingRole => Roles.Executive;

    /// <summary>The kinds IT leads work through in the review queue, in kind order.</summary>
    public static IReadOnlyList<GateKind> ReviewQueueKinds { get; } = [.. Enum.GetValues<GateKind>().Where(k => For(k).InReviewQueue)];

    /// <summary>The kinds whose approval is the sign-off on the whole rollout (the dashboard's "awaiting my sign-off").</summary>
    public static IReadOnlyList<GateKind> RolloutSignOffKinds { get; } = [.. Enum.GetValues<GateKind>().Where(k => For(k).SignsOffRollout)];

    /// <summary>The role (see <see cref="Roles"/>) whose holders decide gates under this policy.</summary>
    public string DecidingRole { get; }

    /// <summary>Who the gate is submitted to when the training owner leaves the reviewer empty.</summary>
    public RolloutContact DefaultReviewer { get; }

    /// <summary>
    /// The approval is the sign-off on the rollout as a whole: given with <see cref="ClearanceGate.SignOffGoLive"/>, which
    /// checks every gate of the rollout, never with conditions. Notified as a sign-off awaiting the decider.
    /// </summary>
    public bool SignsOffRollout { get; }

    /// <summary>Approval may carry conditions; a sign-off of the whole rollout is given only once every condition is met.</summary>
    public bool AllowsConditions => !SignsOffRollout;

    /// <summary>Awaiting gates of these kinds are listed in the IT review queue.</summary>
    public bool InReviewQueue { get; }

    /// <summary>The decider as a sentence names them: "IT lead", "executive".</summary>
    public string DeciderName { get; }

    /// <summary>The default reviewer's part on the rollout: "IT liaison", "executive sponsor".</summary>
    public string DefaultReviewerName { get; }

    /// <summary>The reviewer picked on submission does not hold <see cref="DecidingRole"/>.</summary>
    public string ReviewerRefusal { get; }

    /// <summary>What the training owner reads before submitting.</summary>
    public string SubmitGuidance { get; }

    public static GateApprovalPolicy For(GateKind kind) => kind == GateKind.GoLiveSignOff ? ExecutiveSignOff : ItReview;

    /// <summary>The refusal when someone without <see cref="DecidingRole"/> tries to decide a gate of <paramref name="kind"/>.</summary>
    public string DecideRefusal(GateKind kind) => _decideRefusal(kind);

    public bool MayDecide(Actor actor) => actor.IsInRole(DecidingRole);

    public static bool MayWaive(Actor actor) => actor.IsInRole(WaivingRole);

    /// <summary>
    /// The review queue is for those who may decide some gate it lists: IT leads, and executives, whom an approval
    /// policy may have decide an IT gate kind (their queue lists those gates; go-live sign-off stays on the dashboard).
    /// </summary>
    public static bool MayWorkReviewQueue(Actor actor) => DecidingRoles.Any(actor.IsInRole);

    /// <summary>The refusal when someone outside <see cref="MayWorkReviewQueue"/> asks for the review queue.</summary>
    public static string ReviewQueueRefusal => "The review queue is for IT leads and executives.";

    /// <summary>
    /// The deciding roles whose gates <paramref name="actor"/>'s review queue lists: the ones they hold (every one for an
    /// administrator, who oversees the queue).
    /// </summary>
    public static IReadOnlyList<string> ReviewQueueRolesOf(Actor actor)
        => actor.IsAdministrator ? DecidingRoles : [.. DecidingRoles.Where(actor.IsInRole)];

    /// <summary>The refusal when someone without <see cref="WaivingRole"/> tries to waive a gate.</summary>
    public static string WaiveRefusal => "Only an executive can waive a gate.";

    /// <summary>
    /// The rollout's contact who is offered a gate decided by <paramref name="decidingRole"/> (the role of the approval
    /// policy version it is submitted under): the executive sponsor when executives decide, the IT liaison when IT leads
    /// do, whatever the kind; null when the rollout has nobody in that part. An administrator who has executives decide an
    /// IT gate kind does not leave its submissions offered to an IT liaison who may not decide them.
    /// </summary>
    public static string? DefaultReviewerFor(string decidingRole, string? itLiaisonId, string? executiveSponsorId)
        => DecidingAs(decidingRole).DefaultReviewer switch
        {
            RolloutContact.ExecutiveSponsor => executiveSponsorId,
            _ => itLiaisonId,
        };

    /// <summary>The contact's part as people read it when <paramref name="decidingRole"/> decides: "IT liaison", "executive sponsor".</summary>
    public static string DefaultReviewerNameFor(string decidingRole) => DecidingAs(decidingRole).DefaultReviewerName;

    // The code policy whose deciding role is decidingRole: its contact and words go with the role, whatever the kind.
    private static GateApprovalPolicy DecidingAs(string decidingRole) => decidingRole == ExecutiveSignOff.DecidingRole ? ExecutiveSignOff : ItReview;
}
