using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Domain.Tests.Vendors;

public class VendorAndRequirementTests
{
    private static Vendor AVendor() => new("Coursecraft Ltd", "Nina Holm", "nina@coursecraft.example", null, "trainer-1", Given.Now);

    [Theory]
    [InlineData(61, CertificationStanding.Current)]
    [InlineData(60, CertificationStanding.ExpiringSoon)]
    [InlineData(0, CertificationStanding.ExpiringSoon)]
    [InlineData(-1, CertificationStanding.Expired)]
    public void A_certification_is_flagged_from_60_days_before_it_expires(int daysLeft, CertificationStanding expected)
    {
        var vendor = AVendor();
        vendor.RecordCertification(CertificationKind.Soc2TypeII, Given.Today.AddDays(daysLeft));

        Assert.Equal(expected, vendor.Certifications.Single().StandingOn(Given.Today));
        Assert.Equal(expected != CertificationStanding.Current, vendor.CertificationsNeedingAttention(Given.Today).Any());
    }

    [Fact]
    public void Recording_a_certification_again_renews_it_and_removing_an_unheld_one_is_refused()
    {
        var vendor = AVendor();
        vendor.RecordCertification(CertificationKind.Iso27001, Given.Today.AddDays(10));

        vendor.RecordCertification(CertificationKind.Iso27001, Given.Today.AddYears(3));

        Assert.Equal(Given.Today.AddYears(3), vendor.Certifications.Single().ExpiresOn);
        Assert.Equal("Coursecraft Ltd holds no SOC 2 Type II certification.", Refusal.Of(() => vendor.RemoveCertification(CertificationKind.Soc2TypeII)));
    }

    [Fact]
    public void A_questionnaire_status_needs_its_kind_and_date()
    {
        var vendor = AVendor();

        Assert.Equal("Say which security questionnaire it is and on what date it reached this status.",
            Refusal.Of(() => vendor.RecordSecurityProfile(null, QuestionnaireStatus.Sent, Given.Today, true, "EU")));

        vendor.RecordSecurityProfile(QuestionnaireKind.Caiq, QuestionnaireStatus.Answered, Given.Today, true, " EU (Frankfurt) ");
        Assert.Equal((QuestionnaireKind.Caiq, QuestionnaireStatus.Answered, true, "EU (Frankfurt)"),
            (vendor.Questionnaire, vendor.QuestionnaireStatus, vendor.DpaSigned, vendor.DataResidency));
    }

    [Fact]
    public void Requirements_are_seeded_from_hosting_integrations_and_channels()
    {
        var light = TechnicalRequirementCatalogue.For(HostingModel.VendorHostedSaas, Integrations.None, AccessChannels.OfficeNetwork).Select(r => r.Topic).ToList();
        var deep = TechnicalRequirementCatalogue.For(
            HostingModel.Hybrid, Integrations.Sso | Integrations.HrisFeed | Integrations.Sap | Integrations.VideoPlatform, AccessChannels.MobileByod)
            .Select(r => r.Topic).ToList();

        Assert.Contains("Allow-listed domains", light);
        Assert.DoesNotContain("SSO", light);
        Assert.DoesNotContain("Server platform", light);
        Assert.All(new[] { "Browsers", "Content standards", "Bandwidth", "Allow-listed domains", "Server platform", "SSO", "HR feed", "ERP/CRM integration", "Video platform", "Mobile" },
            topic => Assert.Contains(topic, deep));
    }

    [Fact]
    public void An_acknowledged_requirement_that_IT_rewrites_needs_acknowledging_again()
    {
        var engagement = VendorEngagementStatusTests.An();
        var sso = engagement.Requirements.Single(r => r.Topic == "SSO");
        engagement.RecordAcknowledgement(sso.Id, "Nina Holm", Given.TrainerId, Given.Now);
        Assert.Equal(("Nina Holm", Given.TrainerId), (sso.AcknowledgedBy, sso.AcknowledgementRecordedById));
        Assert.Equal("The vendor already acknowledged requirement " + sso.Order + ".",
            Refusal.Of(() => engagement.RecordAcknowledgement(sso.Id, "Nina Holm", Given.TrainerId, Given.Now)));

        engagement.ChangeRequirement(sso.Id, "SSO", "OIDC only; SAML is being retired.");

        Assert.False(sso.IsAcknowledged);
        Assert.Null(sso.AcknowledgedBy);
    }

    [Fact]
    public void Removing_a_requirement_renumbers_the_rest()
    {
        var engagement = VendorEngagementStatusTests.An();
        var count = engagement.Requirements.Count;

        engagement.RemoveRequirement(engagement.Requirements[0].Id);
        var added = engagement.AddRequirement("Ports", "UDP 3478 for live classes.");

        Assert.Equal(Enumerable.Range(1, count), engagement.Requirements.Select(r => r.Order).Order());
        Assert.Equal(count, added.Order);
        Assert.Equal("Who at the vendor acknowledged it is required.",
            Refusal.Of(() => engagement.RecordAcknowledgement(added.Id, " ", Given.TrainerId, Given.Now)));
    }
}
