using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// IT's (or an executive's) clearance at the exit of one phase of a rollout. Its own aggregate,
/// referenced by <see cref="RolloutId"/>, because reviewers edit it while the training owner edits
/// the rollout. The review workflow is in ClearanceGate.Review.cs, waivers and sign-off in ClearanceGate.Clearance.cs.
/// </summary>
public sealed partial class ClearanceGate : IAggregateRoot, IBelongsToRollout
{
    private readonly List<GateChecklistItem> _checklist = [];
    private readonly List<GateReviewRound> _rounds = [];
    private readonly List<GateCondition> _conditions = [];
    private readonly List<GateReview> _reviews = [];

    /// <param name="template">Its kind, guarded phase and checklist are copied, so later template versions do not change this gate.</param>
    public ClearanceGate(Guid rolloutId, GateTemplate template, bool isRequired)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        Kind = template.Kind;
        GuardedPhase = template.GuardedPhase;
        TemplateVersion = template.TemplateVersion;
        IsRequired = isRequired;
        State = GateState.Draft;
        Version = Guid.NewGuid();
        _checklist.AddRange(template.Items.OrderBy(i => i.Order).Select((item, index) =>
            new GateChecklistItem(item.Text, item.IsRequired, index + 1, item.FollowsAgreement)));
    }

    // For EF Core.
    private ClearanceGate()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    public GateKind Kind { get; private set; }

    /// <summary>The phase whose exit this gate guards.</summary>
    public PhaseKind GuardedPhase { get; private set; }

    public bool IsRequired { get; private set; }

    /// <summary>The version of its kind's template this gate's checklist was copied from.</summary>
    public int TemplateVersion { get; private set; }

    public GateState State { get; private set; }

    public DateOnly? DueDate { get; private set; }

    /// <summary>The reviewer picked on submission under "any one reviewer"; null under a policy that names its reviewers (see <see cref="Reviews"/>).</summary>
    public string? ReviewerId { get; private set; }

    /// <summary>The approval policy version the current round was submitted under; null for a gate submitted before policies (any one reviewer).</summary>
    public int? PolicyVersion { get; private set; }

    /// <summary>The quorum of the current round, copied from the policy on submission.</summary>
    public ApprovalRule ApprovalRule { get; private set; }

    /// <summary>How many approvals the current round needs (see <see cref="ApprovalOutcome"/>); copied on submission.</summary>
    public int RequiredApprovals { get; private set; } = 1;

    /// <summary>
    /// The role whose holders decide the current round, copied from the policy version on submission; null for a round
    /// submitted before the policy named it (then the kind's <see cref="GateApprovalPolicy.DecidingRole"/>, see <see cref="DeciderRole"/>).
    /// </summary>
    public string? DecidingRole { get; private set; }

    /// <summary>Who decides the current round: the role of the policy version it was submitted under, else the kind's.</summary>
    public string DeciderRole => DecidingRole ?? Approval.DecidingRole;

    /// <summary>The holder of <see cref="DeciderRole"/> as a sentence names them: "IT lead", "executive".</summary>
    public string DeciderName => GateApprovalPolicy.DeciderNameOf(DeciderRole);

    /// <summary>Whether <paramref name="actor"/> holds <see cref="DeciderRole"/> (the separation of duties and reviewer guards aside).</summary>
    public bool HoldsDecidingRole(Actor actor) => actor.IsInRole(DeciderRole);

    /// <summary>The refusal when someone without <see cref="DeciderRole"/> tries to decide this gate.</summary>
    public string DecidingRoleRefusal => Approval.DecideRefusal(Kind, DeciderRole);

    /// <summary>Whom an overdue review of the current round is escalated to, copied from the policy on submission.</summary>
    public string? EscalateToId { get; private set; }

    /// <summary>Optimistic concurrency token; the application layer calls <see cref="Touch"/> on every save.</summary>
    public Guid Version { get; private set; }

    public bool IsCleared => State.IsCleared();

    /// <summary>Submitted or in review: the current round waits for its decision.</summary>
    public bool AwaitsDecision => State.AwaitsDecision();

    /// <summary>The current round waits for a decision, and <paramref name="reviewerId"/>'s own review in it is still open.</summary>
    public bool AwaitsReviewFrom(string reviewerId) => AwaitsDecision && CurrentReviews.Any(r => r.ReviewerId == reviewerId && !r.IsDecided);

    /// <summary>Who approves this gate and how (by its kind).</summary>
    public GateApprovalPolicy Approval => GateApprovalPolicy.For(Kind);

    /// <summary>The gate's current round carries a decision.</summary>
    public bool HasDecision => IsCleared || State == GateState.Rejected;

    public IReadOnlyList<GateChecklistItem> Checklist => _checklist;

    public IReadOnlyList<GateReviewRound> Rounds => _rounds;

    public IReadOnlyList<GateCondition> Conditions => _conditions;

    /// <summary>Every reviewer's part in every round.</summary>
    public IReadOnlyList<GateReview> Reviews => _reviews;

    /// <summary>The reviews of the current round (none for a round submitted before reviews were recorded one by one).</summary>
    public IReadOnlyList<GateReview> CurrentReviews => CurrentRound is { } round ? [.. _reviews.Where(r => r.RoundNumber == round.Number)] : [];

    public GateReviewRound? CurrentRound => _rounds.Count == 0 ? null : _rounds[^1];

    public bool HasUnmetConditions => _conditions.Any(c => !c.IsMet);

    public void Touch() => Version = Guid.NewGuid();

    public void MarkRequired() => IsRequired = true;

    /// <summary>
    /// For a gate the rollout's profile no longer needs. A decided gate is left as it is: dropping an
    /// approval would hide it, and dropping a rejection would silently overrule IT; if a rejected gate
    /// truly no longer applies, an executive waives it with a rationale.
    /// </summary>
    public void MarkNotRequired()
    {
        if (HasDecision)
        {
            throw new DomainException($"The {Kind.DisplayName()} gate already has a decision, so it stays required.");
        }

        IsRequired = false;
    }

    public void AssignReviewer(string? reviewerId, DateOnly? dueDate)
    {
        EnsureNotCleared();
        ReviewerId = Require.OptionalUserId(reviewerId, "The reviewer");
        DueDate = dueDate;
    }

    /// <summary>Why the checklist can no longer be set (<see cref="SetChecklistItem"/>'s refusal); null while it can.</summary>
    public string? WhyChecklistLocked => IsCleared ? ClearedRefusal : null;

    /// <summary>The checklist stays editable until the gate is cleared (also during review and after a rejection).</summary>
    public void SetChecklistItem(Guid itemId, ChecklistItemState state, string? evidence, string setById, DateTimeOffset now)
    {
        EnsureNotCleared();
        var item = _checklist.SingleOrDefault(i => i.Id == itemId)
            ?? throw new DomainException("That checklist item is not on this gate.");
        item.Set(
            state,
            Require.OptionalText(evidence, "The evidence", GateChecklistItem.MaxEvidenceLength),
            Require.UserId(setById, "The person setting the item"),
            now);
    }

    /// <summary>
    /// Sets several checklist items in one change, as the person edited them on one form: all of them or, when one is
    /// refused, none (the exception leaves the gate unsaved). Whether someone set an item since the person saw it is
    /// asked first with <see cref="ItemsSetSinceSeen"/>.
    /// </summary>
    public void SetChecklistItems(IReadOnlyCollection<ChecklistItemChange> changes, string setById, DateTimeOffset now)
    {
        EnsureNotCleared();
        if (changes.Count == 0)
        {
            throw new DomainException("There are no checklist changes to save.");
        }

        if (changes.GroupBy(c => c.ItemId).Any(g => g.Count() > 1))
        {
            throw new DomainException("Each checklist item can be changed only once in one save.");
        }

        foreach (var change in changes)
        {
            SetChecklistItem(change.ItemId, change.State, change.Evidence, setById, now);
        }
    }

    /// <summary>
    /// The items of <paramref name="changes"/> that someone set after the person saw them (their <see cref="GateChecklistItem.SetAt"/>
    /// differs from the one seen), in checklist order: saving over them would silently undo that person's setting.
    /// </summary>
    public IReadOnlyList<GateChecklistItem> ItemsSetSinceSeen(IEnumerable<ChecklistItemChange> changes)
    {
        var seen = changes.GroupBy(c => c.ItemId).ToDictionary(g => g.Key, g => g.First().SeenSetAt);
        return _checklist.Where(i => seen.TryGetValue(i.Id, out var at) && i.SetAt != at).OrderBy(i => i.Order).ToList();
    }

    private string ClearedRefusal => $"The {Kind.DisplayName()} gate is already cleared; it can no longer change.";

    public bool IsOverdue(DateOnly today) => !IsCleared && DueDate is { } due && due < today;

    private void EnsureNotCleared()
    {
        if (IsCleared)
        {
            throw new DomainException(ClearedRefusal);
        }
    }
}
