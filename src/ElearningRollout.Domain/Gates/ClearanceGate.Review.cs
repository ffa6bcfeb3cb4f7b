using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// The review workflow. Decisions take the deciding <see cref="Actor"/> so that the role rules
/// (<see cref="GateApprovalPolicy"/>: IT lead for IT gates, executive for go-live sign-off and waivers) and
/// separation of duties hold whatever screen or API calls them.
/// </summary>
public sealed partial class ClearanceGate
{
    public const int MaxRationaleLength = 4000;

    private const string SubmitterRefusal = "You submitted this gate for review, so someone else must decide it.";

    /// <summary>Whether <see cref="Submit"/> accepts the gate now: from Draft, or from Rejected as a new round.</summary>
    public bool MaySubmit => SubmitRefusal() is null;

    /// <summary>Why <see cref="Submit"/> would refuse the gate now, in the words of its refusal; null when it would accept it.</summary>
    public string? WhyNotSubmittable => SubmitRefusal();

    /// <summary>From Draft, or from Rejected as a new round, to the reviewer assigned with <see cref="AssignReviewer"/> (any one reviewer).</summary>
    public void Submit(string submittedById, DateTimeOffset now) => Submit(submittedById, now, policy: null);

    /// <summary>
    /// From Draft, or from Rejected as a new round, under <paramref name="policy"/> (null: any one reviewer, the behaviour
    /// before policies): one review per reviewer the policy names (per group member for a group policy), or one for the
    /// assigned reviewer under "any one reviewer", each due on <see cref="DueDate"/>. The submitter never reviews their
    /// own submission; a policy that could then no longer be met is refused.
    /// </summary>
    public void Submit(string submittedById, DateTimeOffset now, ApprovalPolicy? policy)
    {
        var by = Require.UserId(submittedById, "The submitter");
        ThrowIfRefused(SubmitRefusal());
        var round = _rounds.Count + 1;
        var reviews = PlanReviews(round, by, policy);
        _rounds.Add(new GateReviewRound(round, by, now));
        _reviews.AddRange(reviews);
        PolicyVersion = policy?.PolicyVersion;
        ApprovalRule = policy?.Rule ?? ApprovalRule.AnyOneReviewer;
        RequiredApprovals = policy?.RequiredApprovals ?? 1;
        EscalateToId = policy?.EscalateToId;
        DecidingRole = string.IsNullOrEmpty(policy?.DecidingRole) ? null : policy.DecidingRole;
        if (ApprovalRule != ApprovalRule.AnyOneReviewer)
        {
            ReviewerId = null;
        }

        State = GateState.Submitted;
    }

    private List<GateReview> PlanReviews(int round, string submitterId, ApprovalPolicy? policy)
    {
        switch (policy?.Rule ?? ApprovalRule.AnyOneReviewer)
        {
            case ApprovalRule.MOfNamedReviewers:
                var named = policy!.NamedReviewerIds.Where(id => id != submitterId).ToList();
                if (named.Count < policy.RequiredApprovals)
                {
                    throw new DomainException(
                        $"You are one of the named reviewers of the {Kind.DisplayName()} gate, and the {policy.RequiredApprovals} approvals it needs cannot be reached without you: ask an administrator to change the approval policy.");
                }

                return [.. named.Select(id => new GateReview(round, id, null, DueDate))];
            case ApprovalRule.OneFromEachGroup:
                var reviews = new List<GateReview>();
                foreach (var group in policy!.Groups)
                {
                    var members = group.MemberIds.Where(id => id != submitterId).ToList();
                    if (members.Count == 0)
                    {
                        throw new DomainException(
                            $"Nobody but you is in the group \"{group.Name}\" of the {Kind.DisplayName()} gate's approval policy, and you cannot review your own submission: ask an administrator to add someone.");
                    }

                    reviews.AddRange(members.Select(id => new GateReview(round, id, group.Name, DueDate)));
                }

                return reviews;
            default:
                return [new GateReview(round, ReviewerId, null, DueDate)];
        }
    }

    public void StartReview(Actor reviewer, DateTimeOffset now)
    {
        if (State != GateState.Submitted)
        {
            throw new DomainException("Only a gate submitted for review can be taken into review.");
        }

        EnsureMayDecide(reviewer);
        CurrentRound!.StartReview(reviewer.UserId, now);
        ReviewerId = reviewer.UserId;
        State = GateState.InReview;
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may record a decision on this gate now, by the guards every decision shares:
    /// the gate awaits a decision, the actor holds the deciding role of its <see cref="Approval"/> policy, and did not
    /// submit the round (separation of duties). An approval may still be refused by the checklist.
    /// </summary>
    public bool MayDecide(Actor actor, StandIns? standIns = null) => WhyMayNotDecide(actor, standIns) is null;

    /// <summary>
    /// Why <paramref name="actor"/> may not decide this gate now (the refusal a decision would get from the guards
    /// <see cref="MayDecide"/> reads); null when they may. Under a policy that names its reviewers, only a reviewer with an
    /// undecided review of the round, or the stand-in of one who is away (<paramref name="standIns"/>), decides.
    /// </summary>
    public string? WhyMayNotDecide(Actor actor, StandIns? standIns = null, string? forReviewerId = null)
        => AwaitingDecisionRefusal() ?? DeciderRefusal(actor) ?? ReviewerRefusal(actor, standIns ?? StandIns.None, forReviewerId);

    /// <summary>
    /// The undecided reviews of the current round <paramref name="actor"/> may decide now: under "any one reviewer" the
    /// round's review whoever they are (they hold the role); otherwise their own, or, when they are no reviewer of the
    /// round themselves, those of a reviewer they stand in for. One person never counts twice in a round.
    /// </summary>
    public IReadOnlyList<GateReview> ReviewsDecidableBy(Actor actor, StandIns? standIns = null)
    {
        var current = CurrentReviews;
        if (current.Any(r => r.DecidedById == actor.UserId))
        {
            return [];
        }

        if (ApprovalRule == ApprovalRule.AnyOneReviewer)
        {
            return [.. current.Where(r => !r.IsDecided)];
        }

        var roster = standIns ?? StandIns.None;
        var reviewsHere = current.Any(r => r.ReviewerId == actor.UserId);
        return [.. current.Where(r => !r.IsDecided
            && (r.ReviewerId == actor.UserId || (!reviewsHere && roster.For(r.ReviewerId) == actor.UserId)))];
    }

    /// <summary>Who holds <paramref name="review"/> today: the reviewer, or their stand-in while they are away (never the submitter).</summary>
    public string? HolderOf(GateReview review, StandIns standIns)
        => HolderAmong(review.ReviewerId, CurrentRound?.SubmittedById, CurrentReviews.Select(r => r.ReviewerId), standIns);

    /// <summary>
    /// The rule of <see cref="HolderOf"/> on a round read as plain values (a read model that does not load the gate):
    /// the reviewer's stand-in while the reviewer is away, unless the stand-in submitted the round or reviews it
    /// themselves (<paramref name="roundReviewerIds"/>, every review of the round); otherwise the reviewer.
    /// </summary>
    public static string? HolderAmong(string? reviewerId, string? submitterId, IEnumerable<string?> roundReviewerIds, StandIns standIns)
        => standIns.For(reviewerId) is { } standIn && standIn != submitterId && !roundReviewerIds.Contains(standIn) ? standIn : reviewerId;

    /// <summary>Whether an administrator may hand the undecided review <paramref name="reviewId"/> to <paramref name="newReviewerId"/> now.</summary>
    public string? WhyMayNotReassign(Guid reviewId, string newReviewerId)
    {
        var review = CurrentReviews.FirstOrDefault(r => r.Id == reviewId);
        return !AwaitsDecision ? "Only a review of a gate awaiting its decision can be reassigned."
            : review is null ? "That review is not part of this gate's current round."
            : review.IsDecided ? "That review is already decided; a decision is never moved."
            : newReviewerId == CurrentRound?.SubmittedById ? SubmitterRefusal
            : CurrentReviews.Any(r => r.ReviewerId == newReviewerId) ? "That person already reviews this round; one person counts once."
            : null;
    }

    /// <summary>An administrator hands an undecided review to someone else who holds the deciding role (the application checks the role).</summary>
    public void ReassignReview(Guid reviewId, string newReviewerId)
    {
        var to = Require.UserId(newReviewerId, "The new reviewer");
        ThrowIfRefused(WhyMayNotReassign(reviewId, to));
        var review = CurrentReviews.Single(r => r.Id == reviewId);
        review.Reassign(to);
        if (ApprovalRule == ApprovalRule.AnyOneReviewer)
        {
            ReviewerId = to;
        }
    }

    /// <param name="standIns">Who stands in for whom today (a stand-in decides for an absent reviewer).</param>
    /// <param name="forReviewerId">Whose review the decision is, when the decider may decide more than one.</param>
    public void Approve(Actor reviewer, string? rationale, DateTimeOffset now, StandIns? standIns = null, string? forReviewerId = null)
    {
        if (Approval.SignsOffRollout)
        {
            throw new DomainException("Go-live sign-off is given with the sign-off action, which checks every gate of the rollout.");
        }

        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
        EnsureChecklistAllowsApproval();
        RecordReview(GateDecision.Approved, reviewer, Require.OptionalText(rationale, "The rationale", MaxRationaleLength), now, standIns, forReviewerId);
    }

    public void ApproveWithConditions(
        Actor reviewer, string rationale, IReadOnlyCollection<NewCondition> conditions, DateTimeOffset now, StandIns? standIns = null, string? forReviewerId = null)
    {
        if (!Approval.AllowsConditions)
        {
            throw new DomainException("Go-live sign-off cannot carry conditions: it is given only once every condition is met.");
        }

        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
        var review = ReviewToDecide(reviewer, standIns, forReviewerId);
        var why = Require.Text(rationale, "A rationale for the conditions", MaxRationaleLength);
        if (conditions.Count == 0)
        {
            throw new DomainException("Add at least one condition, or approve without conditions.");
        }

        EnsureChecklistAllowsApproval();

        // Separation of duties: the reviewer who sets a condition does not also declare it met.
        if (conditions.Any(c => c.OwnerId == reviewer.UserId))
        {
            throw new DomainException("A condition is met by its owner, not by the reviewer who sets it: choose someone else to own it.");
        }

        var round = CurrentRound!.Number;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var added = conditions.Select(c => new GateCondition(
            round,
            Require.Text(c.Text, "A condition", GateCondition.MaxTextLength),
            Require.UserId(c.OwnerId, "The owner of a condition"),
            c.DueDate >= today ? c.DueDate : throw new DomainException("A condition cannot be due in the past."),
            reviewer.UserId)).ToList();
        _conditions.AddRange(added);
        RecordReview(review, GateDecision.ApprovedWithConditions, reviewer, why, now);
    }

    /// <summary>A rejection sends the gate back to Training for a new round: one reviewer's choice, whatever the policy's quorum.</summary>
    public void Reject(Actor reviewer, string rationale, DateTimeOffset now, StandIns? standIns = null, string? forReviewerId = null)
    {
        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
        RecordReview(GateDecision.Rejected, reviewer, Require.Text(rationale, "A rationale for the rejection", MaxRationaleLength), now, standIns, forReviewerId);
    }

    private string? SubmitRefusal()
        => AwaitsDecision ? $"The {Kind.DisplayName()} gate is already submitted for review."
            : IsCleared ? ClearedRefusal
            : null;

    private void EnsureAwaitingDecision() => ThrowIfRefused(AwaitingDecisionRefusal());

    // A reviewer who decides straight from Submitted takes the gate into review implicitly.
    private string? AwaitingDecisionRefusal() => State switch
    {
        GateState.Draft => $"The {Kind.DisplayName()} gate must be submitted for review before it is decided.",
        GateState.Rejected => "This round is already decided (rejected); resubmit the gate to start a new round.",
        _ when IsCleared => ClearedRefusal,
        _ => null,
    };

    private void EnsureMayDecide(Actor actor) => ThrowIfRefused(DeciderRefusal(actor));

    private string? DeciderRefusal(Actor actor)
    {
        if (!HoldsDecidingRole(actor))
        {
            return DecidingRoleRefusal;
        }

        return IsSubmitter(actor) ? SubmitterRefusal : null;
    }

    private string? ReviewerRefusal(Actor actor, StandIns standIns, string? forReviewerId)
    {
        var current = CurrentReviews;
        if (current.Count == 0 || ApprovalRule == ApprovalRule.AnyOneReviewer && forReviewerId is null && current.Any(r => !r.IsDecided))
        {
            // A round submitted before reviews were recorded one by one, or "any one reviewer": anyone in the role decides.
            return current.Any(r => r.DecidedById == actor.UserId) ? AlreadyDecidedRefusal : null;
        }

        if (current.Any(r => r.DecidedById == actor.UserId))
        {
            return AlreadyDecidedRefusal;
        }

        var mine = ReviewsDecidableBy(actor, standIns).Where(r => forReviewerId is null || r.ReviewerId == forReviewerId).ToList();
        return mine.Count > 0 ? null
            : forReviewerId is not null ? "That review is not yours to decide: it is decided, or you are neither its reviewer nor standing in for them."
            : "You are not one of this gate's reviewers, nor standing in for one who is away: the decision is theirs.";
    }

    private const string AlreadyDecidedRefusal = "You have already recorded your decision in this round; the other reviewers decide the rest.";

    /// <summary>The review <paramref name="decider"/> records their decision on (their own first, then one they stand in for).</summary>
    private GateReview ReviewToDecide(Actor decider, StandIns? standIns, string? forReviewerId)
    {
        var roster = standIns ?? StandIns.None;
        ThrowIfRefused(ReviewerRefusal(decider, roster, forReviewerId));
        if (CurrentReviews.Count == 0)
        {
            // A round submitted before reviews were recorded one by one: its one review is the assigned reviewer's.
            _reviews.Add(new GateReview(CurrentRound!.Number, ReviewerId, null, DueDate));
        }

        var candidates = ReviewsDecidableBy(decider, roster).Where(r => forReviewerId is null || r.ReviewerId == forReviewerId).ToList();
        return candidates.FirstOrDefault(r => r.ReviewerId == decider.UserId) ?? candidates[0];
    }

    private void RecordReview(GateDecision decision, Actor decider, string? rationale, DateTimeOffset now, StandIns? standIns, string? forReviewerId)
        => RecordReview(ReviewToDecide(decider, standIns, forReviewerId), decision, decider, rationale, now);

    /// <summary>
    /// Records one reviewer's decision and, when it settles the round under the policy (<see cref="ApprovalOutcome"/>),
    /// the round's outcome, once. Conditions set in a round that ends rejected never applied, so they go.
    /// </summary>
    private void RecordReview(GateReview review, GateDecision decision, Actor decider, string? rationale, DateTimeOffset now)
    {
        review.Decide(decision, decider.UserId, rationale, now);
        var outcome = ApprovalOutcome.Of(ApprovalRule, RequiredApprovals, [.. CurrentReviews.Select(r => r.Vote)]);
        if (outcome is null)
        {
            if (State == GateState.Submitted)
            {
                CurrentRound!.StartReview(decider.UserId, now);
                State = GateState.InReview;
            }

            return;
        }

        if (outcome == GateDecision.Rejected)
        {
            var round = CurrentRound!.Number;
            _conditions.RemoveAll(c => c.RoundNumber == round && !c.IsMet);
        }

        Decide(outcome.Value, decider, rationale, now);
    }

    private void EnsureNotSubmitter(Actor actor)
    {
        if (IsSubmitter(actor))
        {
            throw new DomainException(SubmitterRefusal);
        }
    }

    private bool IsSubmitter(Actor actor) => CurrentRound?.SubmittedById == actor.UserId;

    private static void ThrowIfRefused(string? refusal)
    {
        if (refusal is not null)
        {
            throw new DomainException(refusal);
        }
    }

    private void EnsureChecklistAllowsApproval()
    {
        var blocking = _checklist.Count(i => i.BlocksApproval);
        if (blocking > 0)
        {
            throw new DomainException(blocking == 1
                ? "The gate cannot be approved while a required checklist item is open or failed."
                : $"The gate cannot be approved while {blocking} required checklist items are open or failed.");
        }
    }

    private void Decide(GateDecision decision, Actor decider, string? rationale, DateTimeOffset now)
    {
        CurrentRound!.Decide(decision, decider.UserId, rationale, now);
        if (ApprovalRule == ApprovalRule.AnyOneReviewer)
        {
            ReviewerId ??= decider.UserId;
        }

        State = decision switch
        {
            GateDecision.Approved => GateState.Approved,
            GateDecision.ApprovedWithConditions => GateState.ApprovedWithConditions,
            GateDecision.Rejected => GateState.Rejected,
            _ => GateState.Waived,
        };
    }
}
