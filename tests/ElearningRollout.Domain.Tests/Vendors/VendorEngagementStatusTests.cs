using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.Tests.Vendors;

public class VendorEngagementStatusTests
{
    private static readonly EngagementTerms Contract = new(48000m, "EUR", Given.Today, Given.Today.AddYears(2), 99.9m, 1);

    internal static VendorEngagement An(EngagementType type = EngagementType.Integration, EngagementTerms? terms = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), type, terms ?? Contract,
            TechnicalRequirementCatalogue.For(HostingModel.VendorHostedSaas, Integrations.Sso, AccessChannels.OfficeNetwork), Given.TrainerId, Given.Now);

    internal static VendorEngagement InStatus(EngagementStatus status, EngagementType type = EngagementType.Integration)
    {
        var engagement = An(type);
        foreach (var step in new[] { EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active }.TakeWhile(s => s <= status))
        {
            engagement.MoveTo(step, Given.Now);
        }

        return engagement;
    }

    [Fact]
    public void A_new_engagement_is_proposed_with_who_proposed_it()
    {
        var engagement = An();

        Assert.Equal((EngagementStatus.Proposed, Given.TrainerId, Given.Now), (engagement.Status, engagement.ProposedById, engagement.StatusChangedAt));
    }

    [Fact]
    public void It_moves_through_every_status_in_order_to_completed()
    {
        var engagement = An();

        foreach (var status in new[] { EngagementStatus.Evaluating, EngagementStatus.Contracted, EngagementStatus.Active, EngagementStatus.Completed })
        {
            engagement.MoveTo(status, Given.Now.AddDays(1));
            Assert.Equal(status, engagement.Status);
        }

        Assert.True(engagement.IsFinal);
    }

    [Theory]
    [InlineData(EngagementStatus.Proposed, EngagementStatus.Contracted)]
    [InlineData(EngagementStatus.Proposed, EngagementStatus.Active)]
    [InlineData(EngagementStatus.Proposed, EngagementStatus.Completed)]
    [InlineData(EngagementStatus.Evaluating, EngagementStatus.Proposed)]
    [InlineData(EngagementStatus.Evaluating, EngagementStatus.Active)]
    [InlineData(EngagementStatus.Contracted, EngagementStatus.Evaluating)]
    [InlineData(EngagementStatus.Contracted, EngagementStatus.Completed)]
    [InlineData(EngagementStatus.Active, EngagementStatus.Contracted)]
    [InlineData(EngagementStatus.Active, EngagementStatus.Active)]
    public void A_skipped_or_backward_step_is_refused(EngagementStatus from, EngagementStatus to)
    {
        var engagement = InStatus(from);

        var message = Refusal.Of(() => engagement.MoveTo(to, Given.Now));

        Assert.Equal($"An engagement that is {from.ToString().ToLowerInvariant()} cannot move to {to.ToString().ToLowerInvariant()}.", message);
        Assert.Equal(from, engagement.Status);
    }

    [Theory]
    [InlineData(EngagementStatus.Proposed)]
    [InlineData(EngagementStatus.Evaluating)]
    [InlineData(EngagementStatus.Contracted)]
    [InlineData(EngagementStatus.Active)]
    public void Any_open_engagement_may_be_terminated_with_a_reason(EngagementStatus from)
    {
        var engagement = InStatus(from);

        engagement.Terminate("Vendor acquired; product discontinued.", Given.Now);

        Assert.Equal((EngagementStatus.Terminated, "Vendor acquired; product discontinued."), (engagement.Status, engagement.TerminationReason));
    }

    [Fact]
    public void Terminating_without_a_reason_is_refused()
    {
        var engagement = An();

        Assert.Equal("A reason for terminating is required.", Refusal.Of(() => engagement.Terminate("  ", Given.Now)));
        Assert.Equal("Terminating an engagement needs a reason.", Refusal.Of(() => engagement.MoveTo(EngagementStatus.Terminated, Given.Now)));
        Assert.Equal(EngagementStatus.Proposed, engagement.Status);
    }

    [Fact]
    public void A_completed_or_terminated_engagement_moves_no_further_and_no_longer_changes()
    {
        var completed = InStatus(EngagementStatus.Active);
        completed.MoveTo(EngagementStatus.Completed, Given.Now);
        var terminated = An();
        terminated.Terminate("Lost the tender.", Given.Now);

        Assert.Equal("This engagement is already completed; it cannot be terminated.", Refusal.Of(() => completed.Terminate("Late", Given.Now)));
        Assert.Equal("An engagement that is terminated cannot move to evaluating.", Refusal.Of(() => terminated.MoveTo(EngagementStatus.Evaluating, Given.Now)));
        Assert.Equal("This engagement is terminated; it can no longer change.", Refusal.Of(() => terminated.ChangeTerms(Contract)));
        Assert.Equal("This engagement is completed; it can no longer change.", Refusal.Of(() => completed.AddRequirement("SSO", "SAML")));
    }

    [Fact]
    public void Contracting_needs_the_contract_value_and_term()
    {
        var engagement = An(terms: new EngagementTerms(null, null, Given.Today, null, null, null));
        engagement.MoveTo(EngagementStatus.Evaluating, Given.Now);

        var message = Refusal.Of(() => engagement.MoveTo(EngagementStatus.Contracted, Given.Now));

        Assert.Equal("A contracted engagement needs its contract value, currency, start and end.", message);
        Assert.Equal(EngagementStatus.Evaluating, engagement.Status);
    }

    [Theory]
    [InlineData(EngagementType.Hosting)]
    [InlineData(EngagementType.LmsPlatform)]
    [InlineData(EngagementType.Support)]
    public void A_service_engagement_is_contracted_only_with_an_SLA(EngagementType type)
    {
        var engagement = An(type, new EngagementTerms(30000m, "EUR", Given.Today, Given.Today.AddYears(1), 99.5m, null));
        engagement.MoveTo(EngagementStatus.Evaluating, Given.Now);

        var message = Refusal.Of(() => engagement.MoveTo(EngagementStatus.Contracted, Given.Now));

        Assert.Equal("A contracted hosting, LMS platform or support engagement needs its SLA: uptime and P1 response time.", message);
    }

    [Fact]
    public void Course_development_needs_no_SLA_but_completes_only_after_gold_is_signed_off()
    {
        var engagement = An(EngagementType.CourseDevelopment, new EngagementTerms(20000m, "EUR", Given.Today, Given.Today.AddMonths(6), null, null));
        engagement.MoveTo(EngagementStatus.Evaluating, Given.Now);
        engagement.MoveTo(EngagementStatus.Contracted, Given.Now);
        engagement.MoveTo(EngagementStatus.Active, Given.Now);

        var message = Refusal.Of(() => engagement.MoveTo(EngagementStatus.Completed, Given.Now));

        Assert.Equal("A course-development engagement completes only when every deliverable, gold included, is signed off.", message);
    }

    [Fact]
    public void A_contracted_engagement_cannot_lose_its_contract_terms()
    {
        var engagement = InStatus(EngagementStatus.Contracted);

        var message = Refusal.Of(() => engagement.ChangeTerms(EngagementTerms.None));

        Assert.Equal("A contracted engagement needs its contract value, currency, start and end.", message);
        Assert.Equal(48000m, engagement.ContractValue);
    }

    [Theory]
    [InlineData(-1, "EUR", 0, 99.9, 1, "The contract value cannot be negative.")]
    [InlineData(100, "EURO", 0, 99.9, 1, "The currency is a three-letter ISO code, e.g. EUR.")]
    [InlineData(100, null, 0, 99.9, 1, "Say which currency the contract value is in.")]
    [InlineData(100, "EUR", -1, 99.9, 1, "The engagement cannot end before it starts.")]
    [InlineData(100, "EUR", 0, 100.5, 1, "The uptime commitment is a percentage above 0 and at most 100.")]
    [InlineData(100, "EUR", 0, 99.9, 0, "The P1 response time is at least one hour.")]
    public void Terms_that_make_no_sense_are_refused(int value, string? currency, int endOffsetDays, double uptime, int p1Hours, string expected)
    {
        var message = Refusal.Of(() => _ = new EngagementTerms(value, currency, Given.Today, Given.Today.AddDays(endOffsetDays), (decimal)uptime, p1Hours));

        Assert.Equal(expected, message);
    }
}
