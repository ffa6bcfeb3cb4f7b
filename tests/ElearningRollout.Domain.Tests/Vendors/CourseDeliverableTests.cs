using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.Tests.Vendors;

public class CourseDeliverableTests
{
    private static VendorEngagement ContractedCourseDevelopment() =>
        VendorEngagementStatusTests.InStatus(EngagementStatus.Contracted, EngagementType.CourseDevelopment);

    private static DeliverableState StateOf(VendorEngagement engagement, DeliverableStage stage) =>
        engagement.Deliverables.Single(d => d.Stage == stage).State;

    [Fact]
    public void Course_development_has_the_four_stages_and_other_work_has_none()
    {
        Assert.Equal(
            [DeliverableStage.Storyboard, DeliverableStage.Alpha, DeliverableStage.Beta, DeliverableStage.Gold],
            VendorEngagementStatusTests.An(EngagementType.CourseDevelopment).Deliverables.Select(d => d.Stage));
        var hosting = VendorEngagementStatusTests.InStatus(EngagementStatus.Contracted, EngagementType.Hosting);
        Assert.Empty(hosting.Deliverables);
        Assert.Equal("Only course-development engagements have deliverables.",
            Refusal.Of(() => hosting.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now)));
    }

    [Fact]
    public void Stages_are_submitted_and_signed_off_in_order_through_gold_and_then_the_engagement_completes()
    {
        var engagement = ContractedCourseDevelopment();
        engagement.MoveTo(EngagementStatus.Active, Given.Now);

        foreach (var stage in Enum.GetValues<DeliverableStage>())
        {
            engagement.SubmitDeliverable(stage, $"{stage} v1 on the vendor's portal", Given.TrainerId, Given.Now);
            engagement.SignOffDeliverable(stage, Given.TrainerId, Given.Now.AddDays(2));
            Assert.Equal(DeliverableState.SignedOff, StateOf(engagement, stage));
        }

        engagement.MoveTo(EngagementStatus.Completed, Given.Now.AddDays(30));
        Assert.Equal(EngagementStatus.Completed, engagement.Status);
    }

    [Fact]
    public void A_stage_is_refused_before_the_one_before_it_is_signed_off()
    {
        var engagement = ContractedCourseDevelopment();

        Assert.Equal("The storyboard must be signed off before the alpha is submitted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Alpha, null, Given.TrainerId, Given.Now)));

        engagement.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now);
        Assert.Equal("The storyboard must be signed off before the alpha is submitted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Alpha, null, Given.TrainerId, Given.Now)));
        Assert.Equal("The storyboard must be signed off before the gold is submitted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Gold, null, Given.TrainerId, Given.Now)));
        Assert.Equal(DeliverableState.NotSubmitted, StateOf(engagement, DeliverableStage.Alpha));
    }

    [Fact]
    public void Deliverables_wait_for_the_contract()
    {
        var engagement = VendorEngagementStatusTests.InStatus(EngagementStatus.Evaluating, EngagementType.CourseDevelopment);

        Assert.Equal("Deliverables are submitted once the engagement is contracted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now)));
    }

    [Fact]
    public void A_rejected_stage_goes_back_with_comments_and_is_resubmitted()
    {
        var engagement = ContractedCourseDevelopment();
        engagement.SubmitDeliverable(DeliverableStage.Storyboard, "v1", Given.TrainerId, Given.Now);

        engagement.RejectDeliverable(DeliverableStage.Storyboard, "Scenario 3 shows the old brake procedure.", Given.TrainerId, Given.Now);

        var storyboard = engagement.Deliverables[0];
        Assert.Equal((DeliverableState.Rejected, "Scenario 3 shows the old brake procedure.", 1),
            (storyboard.State, storyboard.RejectionComments, storyboard.Rejections));
        Assert.Equal("The storyboard must be signed off before the alpha is submitted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Alpha, null, Given.TrainerId, Given.Now)));

        engagement.SubmitDeliverable(DeliverableStage.Storyboard, "v2", Given.TrainerId, Given.Now.AddDays(3));
        engagement.SignOffDeliverable(DeliverableStage.Storyboard, Given.TrainerId, Given.Now.AddDays(4));
        Assert.Equal((DeliverableState.SignedOff, "v2", "Scenario 3 shows the old brake procedure."),
            (storyboard.State, storyboard.SubmissionNote, storyboard.RejectionComments));
    }

    [Fact]
    public void Rejecting_needs_comments_and_only_a_submitted_stage_is_decided()
    {
        var engagement = ContractedCourseDevelopment();

        Assert.Equal("Only a submitted storyboard can be signed off or rejected; it is not submitted.",
            Refusal.Of(() => engagement.SignOffDeliverable(DeliverableStage.Storyboard, Given.TrainerId, Given.Now)));
        engagement.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now);
        Assert.Equal("Comments for the vendor is required.",
            Refusal.Of(() => engagement.RejectDeliverable(DeliverableStage.Storyboard, "", Given.TrainerId, Given.Now)));
        Assert.Equal("The storyboard is already submitted.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now)));
        engagement.SignOffDeliverable(DeliverableStage.Storyboard, Given.TrainerId, Given.Now);
        Assert.Equal("The storyboard is already signed off.",
            Refusal.Of(() => engagement.SubmitDeliverable(DeliverableStage.Storyboard, null, Given.TrainerId, Given.Now)));
    }
}
