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

    /// <summary>A vendor is involved when it hosts the platform or makes the content: then security and privacy review it.</summary>
    public static bool AnyVendorInvolved(HostingModel hostingModel, ContentSource contentSource) =>
        hostingModel is HostingModel.VendorHostedSaas or HostingModel.Hybrid
        || contentSource is ContentSource.Outsourced or ContentSource.Mixed;
}
