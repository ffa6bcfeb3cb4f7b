using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.Tests.Vendors;

/// <summary>
/// What the Vendors tab offers for each deliverable (<see cref="VendorEngagement.MaySubmitDeliverable"/>,
/// <see cref="VendorEngagement.MayDecideDeliverable"/>) is exactly what the engagement accepts, at every point of the cycle.
/// </summary>
public class DeliverableQuestionsTests
{
    private static readonly Dictionary<string, Func<VendorEngagement>> Engagements = new()
    {
        ["proposed"] = () => VendorEngagementStatusTests.InStatus(EngagementStatus.Proposed, EngagementType.CourseDevelopment),
        ["evaluating"] = () => VendorEngagementStatusTests.InStatus(EngagementStatus.Evaluating, EngagementType.CourseDevelopment),
        ["contracted"] = Contracted,
        ["storyboard submitted"] = () => Submitted(Contracted(), DeliverableStage.Storyboard),
        ["storyboard rejected"] = () => Rejected(Submitted(Contracted(), DeliverableStage.Storyboard), DeliverableStage.Storyboard),
        ["storyboard signed off"] = () => SignedOffThrough(Contracted(), DeliverableStage.Storyboard),
        ["beta submitted"] = () => Submitted(SignedOffThrough(Contracted(), DeliverableStage.Alpha), DeliverableStage.Beta),
        ["gold signed off"] = () => SignedOffThrough(Contracted(), DeliverableStage.Gold),
        ["completed"] = () => Moved(SignedOffThrough(Contracted(), DeliverableStage.Gold), EngagementStatus.Completed),
        ["terminated with alpha submitted"] = () => Terminated(Submitted(SignedOffThrough(Contracted(), DeliverableStage.Storyboard), DeliverableStage.Alpha)),
        ["hosting"] = () => VendorEngagementStatusTests.InStatus(EngagementStatus.Contracted, EngagementType.Hosting),
    };

    public static TheoryData<string> Scenarios => [.. Engagements.Keys];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_stage_may_be_submitted_exactly_when_the_engagement_accepts_it(string scenario)
    {
        foreach (var stage in Enum.GetValues<DeliverableStage>())
        {
            var offered = Engagements[scenario]().MaySubmitDeliverable(stage);
            var accepted = Accepts(() => Engagements[scenario]().SubmitDeliverable(stage, null, Given.TrainerId, Given.Now));

            Assert.True(offered == accepted, $"{scenario}, {stage}: offered {offered}, accepted {accepted}.");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_stage_may_be_decided_exactly_when_the_engagement_accepts_a_sign_off_or_a_rejection(string scenario)
    {
        foreach (var stage in Enum.GetValues<DeliverableStage>())
        {
            var offered = Engagements[scenario]().MayDecideDeliverable(stage);

            Assert.Equal(offered, Accepts(() => Engagements[scenario]().SignOffDeliverable(stage, Given.TrainerId, Given.Now)));
            Assert.Equal(offered, Accepts(() => Engagements[scenario]().RejectDeliverable(stage, "Fix the audio.", Given.TrainerId, Given.Now)));
        }
    }

    [Fact]
    public void The_next_stage_is_the_first_not_signed_off()
    {
        Assert.Equal(DeliverableStage.Storyboard, Contracted().NextDeliverableStage());
        Assert.Equal(DeliverableStage.Beta, SignedOffThrough(Contracted(), DeliverableStage.Alpha).NextDeliverableStage());
        Assert.Null(SignedOffThrough(Contracted(), DeliverableStage.Gold).NextDeliverableStage());
        Assert.Null(Engagements["hosting"]().NextDeliverableStage());
    }

    private static bool Accepts(Action act)
    {
        try
        {
            act();
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    private static VendorEngagement Contracted() =>
        VendorEngagementStatusTests.InStatus(EngagementStatus.Contracted, EngagementType.CourseDevelopment);

    private static VendorEngagement Submitted(VendorEngagement engagement, DeliverableStage stage)
    {
        engagement.SubmitDeliverable(stage, null, Given.TrainerId, Given.Now);
        return engagement;
    }

    private static VendorEngagement Rejected(VendorEngagement engagement, DeliverableStage stage)
    {
        engagement.RejectDeliverable(stage, "Fix the audio.", Given.TrainerId, Given.Now);
        return engagement;
    }

    private static VendorEngagement SignedOffThrough(VendorEngagement engagement, DeliverableStage last)
    {
        foreach (var stage in Enum.GetValues<DeliverableStage>().Where(s => s <= last))
        {
            engagement.SubmitDeliverable(stage, null, Given.TrainerId, Given.Now);
            engagement.SignOffDeliverable(stage, Given.TrainerId, Given.Now);
        }

        return engagement;
    }

    private static VendorEngagement Moved(VendorEngagement engagement, EngagementStatus status)
    {
        if (engagement.Status == EngagementStatus.Contracted)
        {
            engagement.MoveTo(EngagementStatus.Active, Given.Now);
        }

        engagement.MoveTo(status, Given.Now);
        return engagement;
    }

    private static VendorEngagement Terminated(VendorEngagement engagement)
    {
        engagement.Terminate("Vendor went bankrupt.", Given.Now);
        return engagement;
    }
}
