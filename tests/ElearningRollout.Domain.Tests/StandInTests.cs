using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

/// <summary>Stand-ins: nobody for themselves, never in a circle, never the submitter; both names on a stand-in's decision.</summary>
public sealed class StandInTests
{
    private static readonly DateOnly Monday = Given.Today;

    private static ReviewerAbsence Away(string reviewer, string standIn, int days = 5, IEnumerable<ReviewerAbsence>? others = null)
        => new(reviewer, standIn, Monday, Monday.AddDays(days - 1), others ?? []);

    private static ClearanceGate TwoOfTwo(string first = "it-1", string second = "it-2")
    {
        var template = Given.Template(GateKind.SecurityReview, PhaseKind.VendorSelection);
        template.PublishApprovalPolicy(new(ApprovalRule.MOfNamedReviewers, 2, [first, second], [], 10, null), "admin-1", Given.Now);
        var gate = Given.ADraftGate();
        Given.MeetChecklist(gate);
        gate.AssignReviewer(null, Monday.AddDays(14));
        gate.Submit(Given.TrainerId, Given.Now, template.ApprovalPolicy);
        return gate;
    }

    [Fact]
    public void Nobody_stands_in_for_themselves()
        => Assert.Contains("yourself", Refusal.Of(() => Away("it-1", "it-1")));

    [Fact]
    public void Absences_never_form_a_circle()
    {
        var first = Away("it-1", "it-2");
        Assert.Contains("circle", Refusal.Of(() => Away("it-2", "it-1", others: [first])));

        var second = Away("it-2", "it-3", others: [first]);
        Assert.Contains("circle", Refusal.Of(() => Away("it-3", "it-1", others: [first, second])));

        // Periods that do not overlap are no circle: it-2 is back before it-1 leaves.
        var later = new ReviewerAbsence("it-2", "it-1", Monday.AddDays(10), Monday.AddDays(12), [first]);
        Assert.Equal("it-1", later.StandInId);
    }

    [Fact]
    public void One_absence_at_a_time_and_the_last_day_not_before_the_first()
    {
        var first = Away("it-1", "it-2");
        Assert.Contains("already away", Refusal.Of(() => Away("it-1", "it-3", others: [first])));
        Assert.Contains("before the first day", Refusal.Of(() => new ReviewerAbsence("it-1", "it-2", Monday, Monday.AddDays(-1), [])));
    }

    [Fact]
    public void Ending_the_period_returns_the_reviews_to_the_reviewer()
    {
        var absence = Away("it-1", "it-3");
        Assert.Equal("it-3", new StandIns([absence]).For("it-1"));

        absence.End(Monday.AddDays(2));

        Assert.True(absence.IsActiveOn(Monday.AddDays(1)));
        Assert.False(absence.IsActiveOn(Monday.AddDays(2)));
        Assert.Contains("already over", Refusal.Of(() => absence.End(Monday.AddDays(3))));
    }

    [Fact]
    public void A_stand_in_decides_for_the_away_reviewer_and_both_names_stay_on_the_decision()
    {
        var gate = TwoOfTwo();
        var standIns = new StandIns([Away("it-1", "it-3")]);

        Assert.Equal("it-3", gate.HolderOf(gate.CurrentReviews[0], standIns));
        Assert.False(gate.MayDecide(Given.ItLead("it-3")));
        Assert.True(gate.MayDecide(Given.ItLead("it-3"), standIns));
        gate.Approve(Given.ItLead("it-3"), "For Ivan.", Given.Now, standIns);
        gate.Approve(Given.ItLead("it-2"), null, Given.Now, standIns);

        var decided = gate.CurrentReviews.Single(r => r.ReviewerId == "it-1");
        Assert.Equal(("it-1", "it-3", true), (decided.ReviewerId, decided.DecidedById, decided.DecidedForReviewer));
        Assert.Equal(GateState.Approved, gate.State);
    }

    [Fact]
    public void A_reviewer_of_the_same_round_does_not_also_decide_for_another_one()
    {
        var gate = TwoOfTwo();
        var standIns = new StandIns([Away("it-1", "it-2")]);

        gate.Approve(Given.ItLead("it-2"), null, Given.Now, standIns);

        Assert.Equal("it-1", gate.HolderOf(gate.CurrentReviews[0], standIns));
        Assert.Contains("already recorded your decision", Refusal.Of(() => gate.Approve(Given.ItLead("it-2"), null, Given.Now, standIns, forReviewerId: "it-1")));
        Assert.Equal(GateState.InReview, gate.State);
    }

    [Fact]
    public void The_submitter_never_decides_as_a_stand_in()
    {
        var gate = TwoOfTwo();
        var submitterAsItLead = Given.Person(Given.TrainerId, "IT", Domain.Common.Roles.ItLead);
        var standIns = new StandIns([Away("it-1", Given.TrainerId)]);

        Assert.Equal("it-1", gate.HolderOf(gate.CurrentReviews[0], standIns));
        Assert.Contains("someone else must decide", Refusal.Of(() => gate.Approve(submitterAsItLead, null, Given.Now, standIns)));
    }

    [Fact]
    public void A_chain_of_stand_ins_is_followed_to_its_end()
    {
        var first = Away("it-1", "it-2");
        var second = Away("it-2", "it-3", others: [first]);

        Assert.Equal("it-3", new StandIns([first, second]).For("it-1"));
        Assert.Null(new StandIns([first, second]).For("it-3"));
    }
}
