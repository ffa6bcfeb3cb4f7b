using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Tests;

public class ItInvolvementTests
{
    // The rule of docs/domain.md as a table: (hosting, any HRIS/SAP/ERP integration) -> profile.
    private static readonly Dictionary<(HostingModel, bool), ItInvolvementProfile> _expected = new()
    {
        [(HostingModel.VendorHostedSaas, false)] = ItInvolvementProfile.Light,
        [(HostingModel.VendorHostedSaas, true)] = ItInvolvementProfile.Deep,
        [(HostingModel.Hybrid, false)] = ItInvolvementProfile.Standard,
        [(HostingModel.Hybrid, true)] = ItInvolvementProfile.Deep,
        [(HostingModel.ItHostedOnPremises, false)] = ItInvolvementProfile.Deep,
        [(HostingModel.ItHostedOnPremises, true)] = ItInvolvementProfile.Deep,
    };

    /// <summary>Every hosting model with every combination of the five integrations (3 x 32 cases).</summary>
    public static TheoryData<HostingModel, Integrations, ItInvolvementProfile> EveryCombination()
    {
        var data = new TheoryData<HostingModel, Integrations, ItInvolvementProfile>();
        foreach (var hosting in Enum.GetValues<HostingModel>())
        {
            for (var bits = 0; bits < 32; bits++)
            {
                var integrations = (Integrations)bits;
                var enterprise = integrations.HasFlag(Integrations.HrisFeed)
                    || integrations.HasFlag(Integrations.Sap)
                    || integrations.HasFlag(Integrations.OtherErpCrm);
                data.Add(hosting, integrations, _expected[(hosting, enterprise)]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void The_profile_follows_hosting_and_enterprise_integrations(
        HostingModel hosting, Integrations integrations, ItInvolvementProfile expected)
    {
        Assert.Equal(expected, ItInvolvement.Derive(hosting, integrations));
    }

    [Fact]
    public void Every_combination_is_covered_by_the_table()
    {
        Assert.Equal(96, EveryCombination().Count());
    }

    [Fact]
    public void Changing_hosting_or_integrations_re_derives_the_rollout_profile()
    {
        var rollout = Given.ARollout(HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.VideoPlatform);
        Assert.Equal(ItInvolvementProfile.Light, rollout.Profile);

        rollout.ChangeHostingAndIntegrations(HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.Sap, ContentSource.InHouse);
        Assert.Equal(ItInvolvementProfile.Deep, rollout.Profile);

        rollout.ChangeHostingAndIntegrations(HostingModel.Hybrid, Integrations.Sso, ContentSource.InHouse);
        Assert.Equal(ItInvolvementProfile.Standard, rollout.Profile);
    }

    [Theory]
    [InlineData(HostingModel.ItHostedOnPremises, ContentSource.InHouse, false)]
    [InlineData(HostingModel.ItHostedOnPremises, ContentSource.Outsourced, true)]
    [InlineData(HostingModel.ItHostedOnPremises, ContentSource.Mixed, true)]
    [InlineData(HostingModel.VendorHostedSaas, ContentSource.InHouse, true)]
    [InlineData(HostingModel.Hybrid, ContentSource.InHouse, true)]
    public void A_vendor_is_involved_when_one_hosts_the_platform_or_builds_content(
        HostingModel hosting, ContentSource content, bool expected)
    {
        Assert.Equal(expected, Given.ARollout(hosting, Integrations.None, content).AnyVendorInvolved);
    }
}
