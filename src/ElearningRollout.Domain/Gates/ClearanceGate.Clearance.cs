using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Gates;

/// <summary>
/// Clearing a gate other than by an IT lead's approval: an executive's waiver or go-live sign-off,
/// and the owners meeting the conditions of an approval.
/// </summary>
public sealed partial class ClearanceGate
{
    /// <summary>
    /// Any gate not yet cleared may be waived by an executive, with a rationale. A gate under review is
    /// waived in its current round; otherwise (draft or rejected) the waiver is a round of its own.
    /// </summary>
    public void Waive(Actor executive, string rationale, DateTimeOffset now)
    {
        EnsureNotCleared();
        if (!GateApprovalPolicy.MayWaive(executive))
        {
            throw new DomainException(GateApprovalPolicy.WaiveRefusal);
        }

        var why = Require.Text(rationale, "A rationale for the waiver", MaxRationaleLength);
        if (AwaitsDecision)
        {
            EnsureNotSubmitter(executive);
        }
        else
        {
            _rounds.Add(new GateReviewRound(_rounds.Count + 1, submittedById: null, submittedAt: null));
        }

        Decide(GateDecision.Waived, executive, why, now);
    }

    /// <summary>
    /// The executive's go-live sign-off: refused while another required gate of the rollout is not
    /// cleared or any condition on any of its gates is unmet.
    /// </summary>
    public void SignOffGoLive(
        Actor executive, string? rationale, IEnumerable<ClearanceGate> gatesOfRollout, DateTimeOffset now, StandIns? standIns = null, string? forReviewerId = null)
    {
        if (!Approval.SignsOffRollout)
        {
            throw new DomainException("Only the go-live sign-off gate is signed off this way.");
        }

        EnsureAwaitingDecision();
        EnsureMayDecide(executive);
        EnsureChecklistAllowsApproval();
        var gates = gatesOfRollout.Where(g => g.Id != Id).Append(this).ToList();
        if (gates.Any(g => g.RolloutId != RolloutId))
        {
            throw new ArgumentException("Only the gates of this rollout may be passed.", nameof(gatesOfRollout));
        }

        var uncleared = gates.Where(g => g != this && g.IsRequired && !g.IsCleared).Select(g => g.Kind.DisplayName()).ToList();
        if (uncleared.Count > 0)
        {
            throw new DomainException($"Go-live sign-off needs every required gate cleared first; not yet cleared: {string.Join(", ", uncleared)}.");
        }

        var withUnmet = gates.Where(g => g.HasUnmetConditions).Select(g => g.Kind.DisplayName()).ToList();
        if (withUnmet.Count > 0)
        {
            throw new DomainException($"Go-live sign-off cannot be given while conditions are unmet on: {string.Join(", ", withUnmet)}.");
        }

        RecordReview(GateDecision.Approved, executive, Require.OptionalText(rationale, "The rationale", MaxRationaleLength), now, standIns, forReviewerId);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may waive this gate now, by the guards of <see cref="Waive"/> (the rationale
    /// aside): not once cleared, only an executive, and not the person who submitted the round under review.
    /// </summary>
    public bool MayWaive(Actor actor) => WhyMayNotWaive(actor) is null;

    /// <summary>Why <paramref name="actor"/> may not waive this gate now, in the words <see cref="Waive"/> refuses with; null when they may.</summary>
    public string? WhyMayNotWaive(Actor actor)
        => IsCleared ? ClearedRefusal
            : !GateApprovalPolicy.MayWaive(actor) ? GateApprovalPolicy.WaiveRefusal
            : AwaitsDecision && IsSubmitter(actor) ? SubmitterRefusal
            : null;

    public void MeetCondition(Guid conditionId, string metById, DateTimeOffset now)
    {
        var condition = _conditions.SingleOrDefault(c => c.Id == conditionId)
            ?? throw new DomainException("That condition is not on this gate.");
        if (condition.OwnerId != metById)
        {
            throw new DomainException("Only the owner of a condition can mark it met.");
        }

        if (condition.IsMet)
        {
            throw new DomainException("This condition is already met.");
        }

        // Conditions recorded before the reviewer was kept out of the owners: the reviewer still does not meet their own.
        if ((condition.SetById ?? _rounds.SingleOrDefault(r => r.Number == condition.RoundNumber)?.DecidedById) == metById)
        {
            throw new DomainException("A condition is met by its owner, not by the reviewer who set it.");
        }

        condition.Meet(metById, now);
    }
}
