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

    /// <summary>From Draft, or from Rejected as a new round.</summary>
    public void Submit(string submittedById, DateTimeOffset now)
    {
        var by = Require.UserId(submittedById, "The submitter");
        ThrowIfRefused(SubmitRefusal());
        _rounds.Add(new GateReviewRound(_rounds.Count + 1, by, now));
        State = GateState.Submitted;
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
    public bool MayDecide(Actor actor) => WhyMayNotDecide(actor) is null;

    /// <summary>
    /// Why <paramref name="actor"/> may not decide this gate now (the refusal a decision would get from the guards
    /// <see cref="MayDecide"/> reads); null when they may.
    /// </summary>
    public string? WhyMayNotDecide(Actor actor) => AwaitingDecisionRefusal() ?? DeciderRefusal(actor);

    public void Approve(Actor reviewer, string? rationale, DateTimeOffset now)
    {
        if (Approval.SignsOffRollout)
        {
            throw new DomainException("Go-live sign-off is given with the sign-off action, which checks every gate of the rollout.");
        }

        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
        EnsureChecklistAllowsApproval();
        Decide(GateDecision.Approved, reviewer, Require.OptionalText(rationale, "The rationale", MaxRationaleLength), now);
    }

    public void ApproveWithConditions(Actor reviewer, string rationale, IReadOnlyCollection<NewCondition> conditions, DateTimeOffset now)
    {
        if (!Approval.AllowsConditions)
        {
            throw new DomainException("Go-live sign-off cannot carry conditions: it is given only once every condition is met.");
        }

        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
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
            c.DueDate >= today ? c.DueDate : throw new DomainException("A condition cannot be due in the past."))).ToList();
        _conditions.AddRange(added);
        Decide(GateDecision.ApprovedWithConditions, reviewer, why, now);
    }

    public void Reject(Actor reviewer, string rationale, DateTimeOffset now)
    {
        EnsureAwaitingDecision();
        EnsureMayDecide(reviewer);
        Decide(GateDecision.Rejected, reviewer, Require.Text(rationale, "A rationale for the rejection", MaxRationaleLength), now);
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
        if (!Approval.MayDecide(actor))
        {
            return Approval.DecideRefusal(Kind);
        }

        return IsSubmitter(actor) ? SubmitterRefusal : null;
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
        ReviewerId ??= decider.UserId;
        State = decision switch
        {
            GateDecision.Approved => GateState.Approved,
            GateDecision.ApprovedWithConditions => GateState.ApprovedWithConditions,
            GateDecision.Rejected => GateState.Rejected,
            _ => GateState.Waived,
        };
    }
}
