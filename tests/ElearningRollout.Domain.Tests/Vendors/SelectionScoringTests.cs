using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;

namespace ElearningRollout.Domain.Tests.Vendors;

public class SelectionScoringTests
{
    private const string Trainer = "trainer-1";
    private const string ItLead = "it-lead-1";

    private static readonly Guid Acme = Guid.NewGuid();
    private static readonly Guid Bright = Guid.NewGuid();
    private static readonly Guid Coral = Guid.NewGuid();

    private static readonly Dictionary<Guid, string> Names = new() { [Acme] = "Acme Learning", [Bright] = "Bright LMS", [Coral] = "Coral Courses" };

    /// <summary>Two criteria (Fit 60, Security 40, Security a must-have), three candidates, a panel of two.</summary>
    private static VendorSelection ASelection(bool securityMustHave = true)
    {
        var selection = new VendorSelection(
            Guid.NewGuid(), EngagementType.LmsPlatform,
            [new(null, "Functional fit", 60, false), new(null, "Security", 40, securityMustHave)],
            [Trainer, ItLead], Trainer, Given.Now);
        selection.AddCandidate(Acme, "Acme Learning", Given.Now);
        selection.AddCandidate(Bright, "Bright LMS", Given.Now);
        selection.AddCandidate(Coral, "Coral Courses", Given.Now);
        return selection;
    }

    private static Guid Criterion(VendorSelection selection, string name) => selection.Criteria.Single(c => c.Name == name).Id;

    private static void Score(VendorSelection selection, string evaluator, Guid vendor, int fit, int security)
    {
        selection.Score(evaluator, vendor, Criterion(selection, "Functional fit"), fit, Given.Now);
        selection.Score(evaluator, vendor, Criterion(selection, "Security"), security, Given.Now);
    }

    private static CandidateResult ResultOf(VendorSelection selection, Guid vendor) =>
        selection.Rank(Names).Candidates.Single(c => c.VendorId == vendor);

    [Fact]
    public void A_weighted_score_is_the_score_over_five_times_the_weight()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 4, security: 3);

        var acme = ResultOf(selection, Acme);

        Assert.Equal([48m, 24m], acme.Breakdown.Select(c => c.WeightedScore));
        Assert.Equal(72m, acme.Total);
    }

    [Fact]
    public void Each_criterion_averages_the_evaluators_who_scored_it_in_decimals()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 4, security: 3);
        Score(selection, ItLead, Acme, fit: 5, security: 2);

        var acme = ResultOf(selection, Acme);

        // Fit (4+5)/2 = 4.5 -> 4.5/5 x 60 = 54; Security (3+2)/2 = 2.5 -> 2.5/5 x 40 = 20.
        Assert.Equal([4.5m, 2.5m], acme.Breakdown.Select(c => c.AverageScore));
        Assert.Equal(74m, acme.Total);
    }

    [Fact]
    public void An_average_that_does_not_divide_evenly_is_kept_to_two_decimals()
    {
        var selection = new VendorSelection(Guid.NewGuid(), EngagementType.Hosting, [new(null, "Usability", 100, false)], [Trainer, ItLead, "it-lead-2"], Trainer, Given.Now);
        selection.AddCandidate(Acme, "Acme Learning", Given.Now);
        var usability = selection.Criteria.Single().Id;
        selection.Score(Trainer, Acme, usability, 4, Given.Now);
        selection.Score(ItLead, Acme, usability, 4, Given.Now);
        selection.Score("it-lead-2", Acme, usability, 5, Given.Now);

        // 13 / 3 / 5 x 100 = 86.666...
        Assert.Equal(86.67m, ResultOf(selection, Acme).Total);
    }

    [Fact]
    public void An_evaluator_who_has_not_scored_is_pending_and_does_not_pull_the_average_down()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 5, security: 5);

        var ranking = selection.Rank(Names);

        Assert.Equal(100m, ranking.Candidates.Single(c => c.VendorId == Acme).Total);
        Assert.Equal(
            [(Trainer, false, 2, 6), (ItLead, true, 0, 6)],
            ranking.Evaluators.Select(e => (e.EvaluatorId, e.IsPending, e.Scored, e.Expected)));
    }

    [Fact]
    public void A_criterion_nobody_scored_counts_nothing_and_says_so()
    {
        var selection = ASelection();
        selection.Score(Trainer, Acme, Criterion(selection, "Functional fit"), 5, Given.Now);

        var security = ResultOf(selection, Acme).Breakdown.Single(c => c.Name == "Security");

        Assert.Equal((null, 0m, 0), (security.AverageScore, security.WeightedScore, security.ScoredBy));
    }

    [Fact]
    public void A_one_from_any_evaluator_on_a_must_have_rules_the_candidate_out()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 5, security: 5);
        Score(selection, ItLead, Acme, fit: 5, security: 1);
        Score(selection, Trainer, Bright, fit: 2, security: 2);

        var ranking = selection.Rank(Names).Candidates;

        var acme = ranking.Single(c => c.VendorId == Acme);
        Assert.True(acme.RuledOut);
        Assert.Null(acme.Rank);
        Assert.Equal(["Security"], acme.KnockOuts);
        Assert.Equal(Acme, ranking[^1].VendorId);
        Assert.Equal((Bright, 1), (ranking[0].VendorId, ranking[0].Rank!.Value));
    }

    [Fact]
    public void A_one_on_a_criterion_that_is_not_a_must_have_only_scores_low()
    {
        var selection = ASelection(securityMustHave: false);
        Score(selection, Trainer, Acme, fit: 5, security: 1);

        var acme = ResultOf(selection, Acme);

        Assert.False(acme.RuledOut);
        Assert.Equal((1, 68m), (acme.Rank, acme.Total));
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_are_listed_by_name_and_the_next_rank_is_skipped()
    {
        var selection = ASelection();
        Score(selection, Trainer, Coral, fit: 4, security: 4);
        Score(selection, Trainer, Bright, fit: 4, security: 4);
        Score(selection, Trainer, Acme, fit: 3, security: 3);

        var ranking = selection.Rank(Names).Candidates;

        Assert.Equal(
            [("Bright LMS", 1, 80m), ("Coral Courses", 1, 80m), ("Acme Learning", 3, 60m)],
            ranking.Select(c => (c.VendorName, c.Rank!.Value, c.Total)));
    }

    [Fact]
    public void The_winner_cannot_be_a_ruled_out_candidate()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 5, security: 1);

        var message = Refusal.Of(() => selection.ChooseWinner(Acme, Names, Trainer, Given.Now));

        Assert.Equal("Acme Learning is ruled out (scored 1 on Security); it cannot win.", message);
        Assert.True(selection.IsOpen);
    }

    [Fact]
    public void A_candidate_nobody_scored_cannot_win()
    {
        Assert.Equal("Nobody has scored Bright LMS yet; it cannot win.", Refusal.Of(() => ASelection().ChooseWinner(Bright, Names, Trainer, Given.Now)));
    }

    [Fact]
    public void Choosing_the_winner_closes_the_selection()
    {
        var selection = ASelection();
        Score(selection, Trainer, Bright, fit: 4, security: 4);

        selection.ChooseWinner(Bright, Names, Trainer, Given.Now);

        Assert.Equal((SelectionStatus.Decided, Bright, Trainer), (selection.Status, selection.WinnerVendorId, selection.DecidedById));
        Assert.Equal(
            "The winner has been chosen; this selection is closed and no longer changes.",
            Refusal.Of(() => selection.Score(ItLead, Acme, Criterion(selection, "Security"), 3, Given.Now)));
    }

    [Fact]
    public void A_score_outside_one_to_five_is_refused()
    {
        var selection = ASelection();

        Assert.Equal("A score for Security is from 1 to 5.", Refusal.Of(() => selection.Score(Trainer, Acme, Criterion(selection, "Security"), 6, Given.Now)));
    }

    [Fact]
    public void Someone_off_the_panel_cannot_score()
    {
        var selection = ASelection();

        var message = Refusal.Of(() => selection.Score("it-lead-9", Acme, Criterion(selection, "Security"), 3, Given.Now));

        Assert.Equal("Only evaluators on this selection's panel score it; ask the training owner to add you.", message);
    }

    [Fact]
    public void Scoring_again_changes_the_evaluators_own_score_and_clearing_it_makes_it_pending_again()
    {
        var selection = ASelection();
        var security = Criterion(selection, "Security");
        selection.Score(Trainer, Acme, security, 2, Given.Now);
        selection.Score(Trainer, Acme, security, 4, Given.Now);

        Assert.Equal(32m, ResultOf(selection, Acme).Total);

        selection.Score(Trainer, Acme, security, null, Given.Now);
        Assert.Empty(selection.Scores);
        Assert.True(selection.Rank(Names).Evaluators.All(e => e.IsPending));
    }

    [Fact]
    public void An_evaluator_who_has_scored_stays_on_the_panel()
    {
        var selection = ASelection();
        Score(selection, ItLead, Acme, fit: 3, security: 3);

        Assert.Equal(
            "This evaluator has already scored; their scores count, so they stay on the panel.",
            Refusal.Of(() => selection.RemoveEvaluator(ItLead)));
        selection.RemoveEvaluator(Trainer);
        Assert.Equal([ItLead], selection.Evaluators.Select(e => e.EvaluatorId));
    }

    [Fact]
    public void Removing_a_candidate_removes_its_scores()
    {
        var selection = ASelection();
        Score(selection, Trainer, Acme, fit: 3, security: 3);

        selection.RemoveCandidate(Acme);

        Assert.Empty(selection.Scores);
        Assert.DoesNotContain(selection.Rank(Names).Candidates, c => c.VendorId == Acme);
    }
}
