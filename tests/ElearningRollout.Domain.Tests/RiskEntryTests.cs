using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Risks;

namespace ElearningRollout.Domain.Tests;

public class RiskEntryTests
{
    private static RiskEntry ARisk() => new(
        Guid.NewGuid(), RiskEntryType.Risk, "IT caps simultaneous users", "Licence limit of 200",
        Departments.Training, Departments.It, RiskSeverity.High, RiskLikelihood.Likely, Given.TrainerId, Given.Now);

    private static RiskEntry AnIssue() => new(
        Guid.NewGuid(), RiskEntryType.Issue, "Leavers keep access", null,
        Departments.It, Departments.It, RiskSeverity.Critical, null, "it-lead-1", Given.Now);

    [Fact]
    public void A_new_entry_is_open_with_who_raised_it_and_when()
    {
        var risk = ARisk();

        Assert.Equal(
            (RiskStatus.Open, Given.TrainerId, Given.Now, "Training", "IT"),
            (risk.Status, risk.RaisedById, risk.RaisedAt, risk.RaisedByDepartment, risk.OwningDepartment));
    }

    [Fact]
    public void A_risk_without_a_likelihood_is_refused()
    {
        var message = Refusal.Of(() => _ = new RiskEntry(
            Guid.NewGuid(), RiskEntryType.Risk, "Title", null, "Training", "IT", RiskSeverity.Low, null, Given.TrainerId, Given.Now));

        Assert.Equal("A risk needs a likelihood.", message);
    }

    [Fact]
    public void An_issue_with_a_likelihood_is_refused()
    {
        var issue = AnIssue();

        var message = Refusal.Of(() => issue.Edit("Leavers keep access", null, RiskSeverity.High, RiskLikelihood.Possible));

        Assert.Equal("An issue has already happened, so it has no likelihood.", message);
        Assert.Null(issue.Likelihood);
    }

    [Fact]
    public void An_entry_without_a_title_is_refused()
    {
        Assert.Equal("The title is required.", Refusal.Of(() => ARisk().Edit(" ", null, RiskSeverity.Low, RiskLikelihood.Rare)));
    }

    [Fact]
    public void Resolving_needs_a_resolution_and_records_it()
    {
        var risk = ARisk();
        risk.StartMitigating();

        Assert.Equal("A resolution is required.", Refusal.Of(() => risk.Resolve("", Given.Now)));
        risk.Resolve("Licence raised to 1,000", Given.Now);

        Assert.Equal((RiskStatus.Resolved, "Licence raised to 1,000", (DateTimeOffset?)Given.Now), (risk.Status, risk.Resolution, risk.ResolvedAt));
    }

    [Fact]
    public void Only_an_open_entry_moves_to_mitigation()
    {
        var risk = ARisk();
        risk.Resolve("Done", Given.Now);

        Assert.Equal("Only an open entry can move to mitigation.", Refusal.Of(risk.StartMitigating));
    }

    [Fact]
    public void A_risk_can_be_accepted_but_an_issue_cannot()
    {
        var risk = ARisk();
        risk.Accept("Peak use stays under the cap", Given.Now);

        Assert.Equal(RiskStatus.Accepted, risk.Status);
        Assert.Equal("An issue cannot be accepted; resolve it instead.", Refusal.Of(() => AnIssue().Accept("Live with it", Given.Now)));
    }

    [Fact]
    public void Closing_an_open_entry_needs_a_resolution()
    {
        var issue = AnIssue();

        Assert.Equal("A resolution is required.", Refusal.Of(() => issue.Close(null, Given.Now)));
        issue.Close("HR feed fixed", Given.Now);

        Assert.Equal((RiskStatus.Closed, "HR feed fixed"), (issue.Status, issue.Resolution));
    }

    [Fact]
    public void Closing_a_resolved_entry_keeps_its_resolution()
    {
        var issue = AnIssue();
        issue.Resolve("HR feed fixed", Given.Now);

        issue.Close(null, Given.Now.AddDays(1));

        Assert.Equal((RiskStatus.Closed, "HR feed fixed", (DateTimeOffset?)Given.Now), (issue.Status, issue.Resolution, issue.ResolvedAt));
    }

    [Fact]
    public void A_closed_entry_refuses_every_change()
    {
        var issue = AnIssue();
        issue.Close("Fixed", Given.Now);

        Assert.Equal("This entry is closed; it can no longer be changed.", Refusal.Of(() => issue.Edit("New", null, RiskSeverity.Low, null)));
        Assert.Equal("This entry is closed; it can no longer be changed.", Refusal.Of(() => issue.AssignOwner("IT", "it-lead-1")));
        Assert.Equal("This entry is closed; it can no longer be changed.", Refusal.Of(() => issue.Close("Again", Given.Now)));
        Assert.Equal("Only a resolved or accepted entry can be reopened.", Refusal.Of(issue.Reopen));
    }

    [Fact]
    public void Reopening_a_resolved_entry_makes_it_open_again_without_a_resolution()
    {
        var risk = ARisk();
        risk.Resolve("Licence raised", Given.Now);

        risk.Reopen();

        Assert.Equal((RiskStatus.Open, (string?)null), (risk.Status, risk.Resolution));
        Assert.True(risk.IsOpen);
    }

    public static TheoryData<RiskEntryType, RiskStatus> EveryReachableStatus() => new()
    {
        { RiskEntryType.Risk, RiskStatus.Open }, { RiskEntryType.Risk, RiskStatus.Mitigating }, { RiskEntryType.Risk, RiskStatus.Resolved },
        { RiskEntryType.Risk, RiskStatus.Accepted }, { RiskEntryType.Risk, RiskStatus.Closed },
        { RiskEntryType.Issue, RiskStatus.Open }, { RiskEntryType.Issue, RiskStatus.Mitigating }, { RiskEntryType.Issue, RiskStatus.Resolved },
        { RiskEntryType.Issue, RiskStatus.Closed },
    };

    /// <summary>
    /// The moves screens offer (<see cref="RiskEntry.ActionsFrom"/>) are exactly those the entry accepts, and a move
    /// asks for a text exactly when it is refused without one (<see cref="RiskEntry.AsksWhy"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryReachableStatus))]
    public void The_moves_offered_from_a_status_are_the_ones_the_entry_accepts_and_ask_for_a_text_when_it_needs_one(RiskEntryType type, RiskStatus status)
    {
        var offered = RiskEntry.ActionsFrom(status, type);

        foreach (var action in Enum.GetValues<RiskAction>())
        {
            var withText = Refusal.OrNull(() => In(type, status).Move(action, "Written down", Given.Now));
            var withoutText = Refusal.OrNull(() => In(type, status).Move(action, null, Given.Now));
            Assert.True(offered.Contains(action) == (withText is null), $"{action} from {status}: offered {offered.Contains(action)}, refused with a text: {withText}");
            if (offered.Contains(action))
            {
                Assert.True(RiskEntry.AsksWhy(action, status) == (withoutText is not null), $"{action} from {status}: asks why {RiskEntry.AsksWhy(action, status)}, refused without: {withoutText}");
            }
        }
    }

    private static RiskEntry In(RiskEntryType type, RiskStatus status)
    {
        var entry = type == RiskEntryType.Risk ? ARisk() : AnIssue();
        switch (status)
        {
            case RiskStatus.Mitigating: entry.StartMitigating(); break;
            case RiskStatus.Resolved: entry.Resolve("Fixed", Given.Now); break;
            case RiskStatus.Accepted: entry.Accept("We live with it", Given.Now); break;
            case RiskStatus.Closed: entry.Close("Fixed", Given.Now); break;
        }

        Assert.Equal(status, entry.Status);
        return entry;
    }

    [Fact]
    public void Assigning_an_owner_sets_the_owning_department_and_person()
    {
        var risk = ARisk();

        risk.AssignOwner("Training", "trainer-2");

        Assert.Equal(("Training", "trainer-2"), (risk.OwningDepartment, risk.OwnerId));
        Assert.Equal("The owning department is required.", Refusal.Of(() => risk.AssignOwner("", null)));
    }
}
