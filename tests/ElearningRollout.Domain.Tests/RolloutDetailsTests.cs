using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class RolloutDetailsTests
{
    [Fact]
    public void A_new_rollout_is_a_draft_with_the_seven_template_phases_not_started()
    {
        var rollout = Given.ARollout();

        Assert.Equal(LifecycleStatus.Draft, rollout.LifecycleStatus);
        Assert.Equal(RolloutHealth.OnTrack, rollout.Health);
        Assert.Equal(PhaseTemplate.Standard, rollout.Phases.OrderBy(p => p.Order).Select(p => p.Kind));
        Assert.All(rollout.Phases, p => Assert.Equal(PhaseStatus.NotStarted, p.Status));
        Assert.Equal(PhaseKind.Initiation, rollout.CurrentPhase);
        Assert.Equal("ELR-0001", rollout.Code);
        Assert.Equal(Given.Now, rollout.CreatedAt);
    }

    [Fact]
    public void Creating_a_rollout_with_a_target_go_live_before_its_start_is_refused()
    {
        var message = Refusal.Of(() => _ = new Rollout(
            "ELR-0002", "Title", Given.TrainerId, HostingModel.Hybrid, Integrations.None, ContentSource.InHouse,
            Given.Today, Given.Today.AddDays(-1), Given.Now));

        Assert.Equal("The target go-live cannot be before the planned start.", message);
    }

    [Fact]
    public void Rescheduling_the_target_go_live_before_the_start_is_refused_and_keeps_the_old_dates()
    {
        var rollout = Given.ARollout();

        Refusal.Of(() => rollout.Reschedule(Given.Today.AddDays(10), Given.Today.AddDays(5)));

        Assert.Equal(Given.Today.AddDays(120), rollout.TargetGoLive);
    }

    [Fact]
    public void Rescheduling_stores_the_new_dates()
    {
        var rollout = Given.ARollout();

        rollout.Reschedule(Given.Today.AddDays(7), Given.Today.AddDays(7));

        Assert.Equal(Given.Today.AddDays(7), rollout.StartDate);
        Assert.Equal(Given.Today.AddDays(7), rollout.TargetGoLive);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rollout_without_a_title_is_refused(string title)
    {
        Assert.Equal("The title is required.", Refusal.Of(() => Given.ARollout().Describe(title, null, null)));
    }

    [Fact]
    public void A_title_longer_than_200_characters_is_refused()
    {
        var message = Refusal.Of(() => Given.ARollout().Describe(new string('x', 201), null, null));

        Assert.Equal("The title can be at most 200 characters.", message);
    }

    [Fact]
    public void Describing_a_rollout_stores_trimmed_text_and_blank_means_empty()
    {
        var rollout = Given.ARollout();

        rollout.Describe("  Customer academy ", " Courses for customers ", "  ");

        Assert.Equal("Customer academy", rollout.Title);
        Assert.Equal("Courses for customers", rollout.Summary);
        Assert.Equal("", rollout.BusinessCase);
    }

    [Fact]
    public void Peak_concurrent_learners_above_the_estimate_is_refused()
    {
        var message = Refusal.Of(() => Given.ARollout().ChangeAudiences(Audiences.Employees, 100, 101));

        Assert.Equal("Peak concurrent learners cannot exceed the estimated number of learners.", message);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(10, -1)]
    public void A_negative_number_of_learners_is_refused(int estimated, int peak)
    {
        Assert.Equal(
            "The number of learners cannot be negative.",
            Refusal.Of(() => Given.ARollout().ChangeAudiences(Audiences.Employees, estimated, peak)));
    }

    [Fact]
    public void A_rollout_for_no_audience_is_refused()
    {
        Assert.Equal("Choose at least one audience.", Refusal.Of(() => Given.ARollout().ChangeAudiences(Audiences.None, 10, 1)));
    }

    [Fact]
    public void Several_audiences_and_learner_numbers_are_kept()
    {
        var rollout = Given.ARollout();

        rollout.ChangeAudiences(Audiences.Dealers | Audiences.Customers, 5000, 250);

        Assert.Equal(Audiences.Dealers | Audiences.Customers, rollout.Audiences);
        Assert.Equal(5000, rollout.EstimatedLearners);
        Assert.Equal(250, rollout.PeakConcurrentLearners);
    }

    [Fact]
    public void A_rollout_with_no_access_channel_is_refused_and_several_are_kept()
    {
        var rollout = Given.ARollout();

        Refusal.Of(() => rollout.ChangeAccessChannels(AccessChannels.None));
        rollout.ChangeAccessChannels(AccessChannels.RemoteVpn | AccessChannels.MobileByod);

        Assert.Equal(AccessChannels.RemoteVpn | AccessChannels.MobileByod, rollout.AccessChannels);
    }

    [Fact]
    public void A_pilot_cohort_ending_before_it_starts_is_refused()
    {
        var message = Refusal.Of(() => _ = new PilotCohort("IT staff", 20, Given.Today, Given.Today.AddDays(-1)));

        Assert.Equal("The pilot cannot end before it starts.", message);
    }

    [Theory]
    [InlineData("IT staff", 0, "A pilot cohort needs at least one learner.")]
    [InlineData(" ", 5, "The pilot cohort name is required.")]
    public void A_pilot_cohort_without_a_name_or_learners_is_refused(string name, int size, string expected)
    {
        Assert.Equal(expected, Refusal.Of(() => _ = new PilotCohort(name, size, null, null)));
    }

    [Fact]
    public void A_pilot_cohort_can_be_set_and_removed()
    {
        var rollout = Given.ARollout();

        rollout.ChangePilotCohort(new PilotCohort("IT staff", 25, Given.Today, null));
        Assert.Equal(new PilotCohort("IT staff", 25, Given.Today, null), rollout.PilotCohort);

        rollout.ChangePilotCohort(null);
        Assert.Null(rollout.PilotCohort);
    }

    [Fact]
    public void People_are_assigned_and_the_training_owner_cannot_be_removed()
    {
        var rollout = Given.ARollout();

        rollout.AssignPeople("trainer-2", "it-lead-1", null);
        Assert.Equal(("trainer-2", "it-lead-1", (string?)null), (rollout.TrainingOwnerId, rollout.ItLiaisonId, rollout.ExecutiveSponsorId));

        Assert.Equal("The training owner is required.", Refusal.Of(() => rollout.AssignPeople("", "it-lead-1", "exec-1")));
    }

    [Fact]
    public void Changing_health_without_a_reason_is_refused()
    {
        var rollout = Given.ARollout();

        var message = Refusal.Of(() => rollout.ChangeHealth(RolloutHealth.AtRisk, " "));

        Assert.Equal("A reason for the health is required.", message);
        Assert.Equal(RolloutHealth.OnTrack, rollout.Health);
    }

    [Fact]
    public void Changing_health_keeps_the_reason()
    {
        var rollout = Given.ARollout();

        rollout.ChangeHealth(RolloutHealth.OffTrack, "Firewall blocks the video domain");

        Assert.Equal(RolloutHealth.OffTrack, rollout.Health);
        Assert.Equal("Firewall blocks the video domain", rollout.HealthReason);
    }

    [Fact]
    public void Touching_a_rollout_changes_its_concurrency_version()
    {
        var rollout = Given.ARollout();
        var before = rollout.Version;

        rollout.Touch();

        Assert.NotEqual(before, rollout.Version);
    }
}
