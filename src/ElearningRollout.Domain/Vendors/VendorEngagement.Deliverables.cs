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
        if (Status is not (EngagementStatus.Contracted or EngagementStatus.Active))
        {
            throw new DomainException("Deliverables are submitted once the engagement is contracted.");
        }

        if (_deliverables.OrderBy(d => d.Stage).FirstOrDefault(d => d.Stage < stage && d.State != DeliverableState.SignedOff) is { } earlier)
        {
            throw new DomainException($"The {Name(earlier.Stage)} must be signed off before the {Name(stage)} is submitted.");
        }

        if (deliverable.State is not (DeliverableState.NotSubmitted or DeliverableState.Rejected))
        {
            throw new DomainException($"The {Name(stage)} is already {deliverable.State.DisplayName().ToLowerInvariant()}.");
        }

        deliverable.Submit(
            Require.OptionalText(note, "The submission note", CourseDeliverable.MaxNoteLength), Require.UserId(byId, "The person submitting"), now);
    }

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
