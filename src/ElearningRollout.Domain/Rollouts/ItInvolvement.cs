namespace ElearningRollout.Domain.Rollouts;

/// <summary>
/// Derives the IT involvement profile from facts about the rollout, so that nobody can
/// talk a rollout into a lighter review by picking a profile by hand.
/// </summary>
public static class ItInvolvement
{
    /// <summary>Integrations that feed or read enterprise records; these always need IT deeply involved.</summary>
    public const Integrations EnterpriseIntegrations =
        Integrations.HrisFeed | Integrations.Sap | Integrations.OtherErpCrm;

    public static ItInvolvementProfile Derive(HostingModel hostingModel, Integrations integrations)
    {
        if (hostingModel == HostingModel.ItHostedOnPremises || (integrations & EnterpriseIntegrations) != 0)
        {
            return ItInvolvementProfile.Deep;
        }

        // SSO and a video platform alone do not make a vendor-hosted platform IT's project.
        return hostingModel == HostingModel.VendorHostedSaas
            ? ItInvolvementProfile.Light
            : ItInvolvementProfile.Standard;
    }
}
