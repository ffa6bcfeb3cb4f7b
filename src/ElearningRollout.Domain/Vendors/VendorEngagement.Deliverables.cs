using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors;

/// <summary>The course-development cycle: storyboard -> alpha -> beta -> gold, each submitted and signed off in order.</summary>
public sealed partial class VendorEngagement
{
    /// <summary>The training owner records that the vendor delivered a stage; only once the stage before it is signed off.</summary>
    public void SubmitDeliverable(DeliverableStage stage, string? note, string byId, DateTimeOffset now)
    {
        EnsureOpen();
        var deliverable = DeliverableOf(stage);
        if (SubmitRefusal(deliverable) is { } refusal)
        {
            throw new DomainException(refusal);
        }

        deliverable.Submit(
            Require.OptionalText(note, "The submission note", CourseDeliverable.MaxNoteLength), Require.UserId(byId, "The person submitting"), now);
    }

    /// <summary>
    /// Whether <see cref="SubmitDeliverable"/> accepts <paramref name="stage"/> now, by its guards: the engagement is open
    /// and contracted (or active), every earlier stage is signed off, and this one is not submitted or signed off yet.
    /// </summary>
    public bool MaySubmitDeliverable(DeliverableStage stage)
        => !IsFinal && _deliverables.SingleOrDefault(d => d.Stage == stage) is { } deliverable && SubmitRefusal(deliverable) is null;

    /// <summary>Whether <see cref="SignOffDeliverable"/> and <see cref="RejectDeliverable"/> accept <paramref name="stage"/> now: it awaits a decision.</summary>
    public bool MayDecideDeliverable(DeliverableStage stage)
        => !IsFinal && _deliverables.SingleOrDefault(d => d.Stage == stage) is { State: DeliverableState.Submitted };

    /// <summary>The stage the vendor delivers next (the first not signed off), or null when gold is signed off or there are no deliverables.</summary>
    public DeliverableStage? NextDeliverableStage()
        => _deliverables.OrderBy(d => d.Stage).FirstOrDefault(d => d.State != DeliverableState.SignedOff)?.Stage;

    public void SignOffDeliverable(DeliverableStage stage, string byId, DateTimeOffset now)
    {
        EnsureOpen();
        var deliverable = SubmittedDeliverable(stage);
        deliverable.SignOff(Require.UserId(byId, "The person signing off"), now);
    }

    /// <summary>Goes back to the vendor with what to change; the vendor resubmits the same stage.</summary>
    public void RejectDeliverable(DeliverableStage stage, string comments, string byId, DateTimeOffset now)
    {
        EnsureOpen();
        var deliverable = SubmittedDeliverable(stage);
        deliverable.Reject(
            Require.Text(comments, "Comments for the vendor", CourseDeliverable.MaxNoteLength), Require.UserId(byId, "The person rejecting"), now);
    }

    private string? SubmitRefusal(CourseDeliverable deliverable)
    {
        if (Status is not (EngagementStatus.Contracted or EngagementStatus.Active))
        {
            return "Deliverables are submitted once the engagement is contracted.";
        }

        if (NextDeliverableStage() is { } next && next < deliverable.Stage)
        {
            return $"The {Name(next)} must be signed off before the {Name(deliverable.Stage)} is submitted.";
        }

        return deliverable.State is DeliverableState.NotSubmitted or DeliverableState.Rejected
            ? null
            : $"The {Name(deliverable.Stage)} is already {deliverable.State.DisplayName().ToLowerInvariant()}.";
    }

    private CourseDeliverable SubmittedDeliverable(DeliverableStage stage)
    {
        var deliverable = DeliverableOf(stage);
        if (deliverable.State != DeliverableState.Submitted)
        {
            throw new DomainException($"Only a submitted {Name(stage)} can be signed off or rejected; it is {deliverable.State.DisplayName().ToLowerInvariant()}.");
        }

        return deliverable;
    }

    private CourseDeliverable DeliverableOf(DeliverableStage stage) =>
        _deliverables.SingleOrDefault(d => d.Stage == stage)
        ?? throw new DomainException("Only course-development engagements have deliverables.");

    private static string Name(DeliverableStage stage) => stage.ToString().ToLowerInvariant();
}
