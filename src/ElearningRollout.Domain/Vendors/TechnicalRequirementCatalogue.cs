using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Domain.Vendors;

/// <summary>A requirement as it is first written onto an engagement.</summary>
public sealed record RequirementTemplate(string Topic, string Text);

/// <summary>
/// The first draft of the technical requirements for a vendor, from the rollout's hosting model, integrations and
/// access channels (docs/domain-content.md, "First draft of a vendor's technical requirements"). IT leads edit it from there.
/// </summary>
public static class TechnicalRequirementCatalogue
{
    public static IReadOnlyList<RequirementTemplate> For(HostingModel hosting, Integrations integrations, AccessChannels channels)
    {
        var items = new List<RequirementTemplate>
        {
            new("Browsers", "Works in the supported browsers on locked-down company PCs (current Edge and Chrome) without plug-ins or local installs."),
            new("Content standards", "Courses are packaged as SCORM 1.2, SCORM 2004 or xAPI (with a learning record store) and tested in our LMS before release."),
            new("Bandwidth", "States the bandwidth one learner needs for video and media, so IT can size each site for the peak concurrent learners."),
            new("Accessibility", "Meets WCAG 2.1 AA; an accessibility conformance report (VPAT/ACR) is provided."),
        };

        if (hosting is HostingModel.VendorHostedSaas or HostingModel.Hybrid)
        {
            items.Add(new("Allow-listed domains", "Lists every domain, port and CDN the service uses, so IT can allow them through firewall and proxy (443 only unless agreed)."));
            items.Add(new("Encryption", "TLS 1.2 or later in transit, strong encryption at rest, our tenant's data kept apart."));
            items.Add(new("Data residency", "Stores our data only in the agreed country or region, and names its subprocessors."));
        }

        if (hosting is HostingModel.ItHostedOnPremises or HostingModel.Hybrid)
        {
            items.Add(new("Server platform", "States the operating system, database and sizing for our data centre, and supports our patching windows."));
        }

        if (integrations.HasFlag(Integrations.Sso))
        {
            items.Add(new("SSO", "Single sign-on through our identity provider with SAML 2.0 or OIDC; certificate rotation tested together."));
        }

        if (integrations.HasFlag(Integrations.HrisFeed))
        {
            items.Add(new("HR feed", "Accounts created and disabled from the HR feed (SCIM 2.0 or nightly SFTP file) keyed on employee ID; leavers lose access the same day."));
        }

        if (integrations.HasFlag(Integrations.Sap) || integrations.HasFlag(Integrations.OtherErpCrm))
        {
            items.Add(new("ERP/CRM integration", "Reaches SAP or the CRM only through their supported APIs; API limits and fees stated; separate test and production environments."));
        }

        if (integrations.HasFlag(Integrations.VideoPlatform))
        {
            items.Add(new("Video platform", "Streams through our video platform or an enterprise CDN so mass viewing does not overload office links."));
        }

        if (channels.HasFlag(AccessChannels.MobileByod))
        {
            items.Add(new("Mobile", "Works on managed and personal mobile devices in the browser; any app is distributed through our device management."));
        }

        return items;
    }
}
