using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;

namespace ElearningRollout.Domain.Tests.Vendors;

public class SelectionCriteriaTests
{
    private static readonly Guid Acme = Guid.NewGuid();

    private static VendorSelection ASelection()
    {
        var selection = new VendorSelection(
            Guid.NewGuid(), EngagementType.CourseDevelopment,
            [new(null, "Functional fit", 50, false), new(null, "Pricing and total cost", 50, false)],
            ["trainer-1"], "trainer-1", Given.Now);
        selection.AddCandidate(Acme, "Acme Learning", Given.Now);
        return selection;
    }

    private static List<CriterionSpec> Specs(VendorSelection selection) =>
        selection.Criteria.OrderBy(c => c.Order).Select(c => new CriterionSpec(c.Id, c.Name, c.Weight, c.MustHave)).ToList();

    [Fact]
    public void Weights_that_do_not_total_exactly_100_are_refused_with_the_current_total()
    {
        var selection = ASelection();
        var specs = Specs(selection);
        specs[0] = specs[0] with { Weight = 40 };

        Assert.Equal("The weights must total exactly 100; they total 90 now.", Refusal.Of(() => selection.ReviseCriteria(specs)));
        Assert.Equal(50, selection.Criteria[0].Weight);
    }

    [Fact]
    public void Two_criteria_with_the_same_name_are_refused()
    {
        var selection = ASelection();
        var specs = Specs(selection);
        specs[1] = specs[1] with { Name = " functional FIT " };

        Assert.Equal("Two criteria are called Functional fit; each name must be different.", Refusal.Of(() => selection.ReviseCriteria(specs)));
    }

    [Fact]
    public void Renaming_reweighting_and_marking_must_have_keeps_the_scores_and_adding_one_starts_unscored()
    {
        var selection = ASelection();
        var fit = selection.Criteria[0].Id;
        selection.Score("trainer-1", Acme, fit, 4, Given.Now);

        selection.ReviseCriteria(
        [
            new(fit, "Fit to our processes", 40, true),
            new(selection.Criteria[1].Id, "Pricing and total cost", 40, false),
            new(null, "Security", 20, false),
        ]);

        Assert.Equal(
            [("Fit to our processes", 40, true), ("Pricing and total cost", 40, false), ("Security", 20, false)],
            selection.Criteria.OrderBy(c => c.Order).Select(c => (c.Name, c.Weight, c.MustHave)));
        Assert.Single(selection.Scores);
        Assert.Equal(32m, selection.Rank(new Dictionary<Guid, string> { [Acme] = "Acme" }).Candidates[0].Total);
    }

    [Fact]
    public void A_criterion_left_out_is_removed_with_its_scores()
    {
        var selection = ASelection();
        selection.Score("trainer-1", Acme, selection.Criteria[0].Id, 4, Given.Now);

        selection.ReviseCriteria([new(selection.Criteria[1].Id, "Pricing and total cost", 100, false)]);

        Assert.Single(selection.Criteria);
        Assert.Empty(selection.Scores);
    }

    [Fact]
    public void A_weight_below_one_is_refused()
    {
        Assert.Equal(
            "The weight of Pricing and total cost must be between 1 and 100.",
            Refusal.Of(() => ASelection().ReviseCriteria([new(null, "Functional fit", 100, false), new(null, "Pricing and total cost", 0, false)])));
    }

    [Fact]
    public void The_defaults_obey_the_same_rules_and_are_copied_not_shared()
    {
        var defaults = new DefaultSelectionCriteria([new(null, "Functional fit", 60, false), new(null, "Security", 40, true)]);
        var selection = new VendorSelection(Guid.NewGuid(), EngagementType.Hosting, defaults.AsSpecs(), [], "trainer-1", Given.Now);

        defaults.Revise([new(null, "Functional fit", 100, false)]);

        Assert.Equal([("Functional fit", 60, false), ("Security", 40, true)], selection.Criteria.Select(c => (c.Name, c.Weight, c.MustHave)));
        Assert.Equal(
            "The weights must total exactly 100; they total 99 now.",
            Refusal.Of(() => defaults.Revise([new(null, "Functional fit", 99, false)])));
    }
}
