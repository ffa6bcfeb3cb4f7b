using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// The demo portfolio of a Development installation: about a dozen rollouts in different phases, health
/// and IT involvement, with the Training-IT conflicts of docs/domain-content.md as their risks.
/// </summary>
public static class DemoRolloutCatalogue
{
    public sealed record DemoRisk(RiskEntryType Type, string Title, string RaisedBy, string OwnedBy, RiskSeverity Severity, RiskLikelihood? Likelihood);

    /// <param name="Owner">1 for training@, 2 for training2@.</param>
    /// <param name="Liaison">1 for itlead@, 2 for itlead2@.</param>
    /// <param name="Reach">The phase the rollout has reached (earlier phases completed through their gates).</param>
    /// <param name="StartedDaysAgo">Start relative to today, so the demo stays current.</param>
    public sealed record DemoRollout(
        string Title, string Summary, int Owner, int Liaison, Audiences Audiences, int Learners, int Peak, AccessChannels Channels,
        HostingModel Hosting, Integrations Integrations, ContentSource Content, PhaseKind Reach, LifecycleStatus Status,
        RolloutHealth Health, string? HealthReason, int StartedDaysAgo, int GoLiveInDays, params DemoRisk[] Risks);

    private const string Training = "Training";
    private const string It = "IT";

    public static readonly IReadOnlyList<DemoRollout> All =
    [
        new("Dealer certification academy", "Online certification paths for dealer service technicians on a vendor-hosted LMS.",
            1, 1, Audiences.Dealers, 4200, 250, AccessChannels.PublicInternet | AccessChannels.MobileByod,
            HostingModel.VendorHostedSaas, Integrations.Sso, ContentSource.Outsourced, PhaseKind.VendorSelection, LifecycleStatus.Active,
            RolloutHealth.AtRisk, "Security review stalled the purchase after a good demo.", 60, 150,
            new DemoRisk(RiskEntryType.Issue, "Security review stalling the purchase after a good demo", It, Training, RiskSeverity.High, null),
            new DemoRisk(RiskEntryType.Risk, "External dealers need their own sign-in path", It, It, RiskSeverity.Medium, RiskLikelihood.Likely)),
        new("Plant compliance training with SAP", "Mandatory safety and compliance courses for plant staff, completions reported to SAP.",
            2, 2, Audiences.Employees, 9000, 400, AccessChannels.OfficeNetwork | AccessChannels.MobileByod,
            HostingModel.Hybrid, Integrations.Sso | Integrations.Sap | Integrations.HrisFeed, ContentSource.Mixed, PhaseKind.DesignAndBuild,
            LifecycleStatus.Active, RolloutHealth.AtRisk, "HR sync gaps: leavers keep access.", 120, 90,
            new DemoRisk(RiskEntryType.Issue, "HR sync gaps: leavers keep access", It, It, RiskSeverity.Critical, null),
            new DemoRisk(RiskEntryType.Risk, "Integration work never scheduled by IT", Training, It, RiskSeverity.High, RiskLikelihood.Possible)),
        new("Customer onboarding portal", "Self-paced onboarding courses for new customers, linked to the CRM.",
            1, 2, Audiences.Customers, 20000, 900, AccessChannels.PublicInternet | AccessChannels.MobileByod,
            HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.OtherErpCrm, ContentSource.InHouse, PhaseKind.Assessment,
            LifecycleStatus.Active, RolloutHealth.OnTrack, null, 30, 200,
            new DemoRisk(RiskEntryType.Risk, "IT engaged too late, then capping simultaneous users", Training, It, RiskSeverity.Medium, RiskLikelihood.Possible)),
        new("Sales enablement microlearning", "Five-minute product lessons for the sales force on phones.",
            2, 1, Audiences.Employees, 1200, 150, AccessChannels.MobileByod | AccessChannels.RemoteVpn,
            HostingModel.VendorHostedSaas, Integrations.None, ContentSource.Outsourced, PhaseKind.Pilot, LifecycleStatus.Active,
            RolloutHealth.OnTrack, null, 150, 30,
            new DemoRisk(RiskEntryType.Risk, "Device policy changing mid-project", It, Training, RiskSeverity.Medium, RiskLikelihood.Unlikely)),
        new("Cybersecurity awareness for all staff", "Yearly security awareness curriculum with phishing simulations.",
            1, 1, Audiences.Employees, 15000, 1500, AccessChannels.OfficeNetwork | AccessChannels.RemoteVpn,
            HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.HrisFeed, ContentSource.Outsourced, PhaseKind.GoLive,
            LifecycleStatus.Active, RolloutHealth.AtRisk, "Course media overloading branch office links.", 200, 14,
            new DemoRisk(RiskEntryType.Issue, "Course media overloading the network", It, It, RiskSeverity.High, null),
            new DemoRisk(RiskEntryType.Risk, "Locked-down PCs blocking plug-ins", It, It, RiskSeverity.Medium, RiskLikelihood.Likely)),
        new("Leadership development programme", "Blended programme for new managers with live virtual classrooms.",
            2, 2, Audiences.Employees, 600, 80, AccessChannels.OfficeNetwork | AccessChannels.RemoteVpn,
            HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.VideoPlatform, ContentSource.Mixed, PhaseKind.Evaluation,
            LifecycleStatus.Live, RolloutHealth.OnTrack, null, 300, -20),
        new("Field service VR modules", "Virtual-reality repair simulations hosted on our own servers.",
            1, 1, Audiences.Employees | Audiences.Partners, 800, 60, AccessChannels.OfficeNetwork,
            HostingModel.ItHostedOnPremises, Integrations.Sso, ContentSource.Outsourced, PhaseKind.Initiation, LifecycleStatus.Draft,
            RolloutHealth.OnTrack, null, 5, 300,
            new DemoRisk(RiskEntryType.Risk, "Security policy forcing internal hosting at triple the cost, with nobody owning its support", Training, It, RiskSeverity.High, RiskLikelihood.Likely)),
        new("Partner channel onboarding", "Onboarding and product certification for reseller partners.",
            2, 1, Audiences.Partners, 2500, 120, AccessChannels.PublicInternet,
            HostingModel.Hybrid, Integrations.Sso, ContentSource.InHouse, PhaseKind.VendorSelection, LifecycleStatus.Active,
            RolloutHealth.OffTrack, "Reviewers appeared late and forced rework of the shortlist.", 90, 60,
            new DemoRisk(RiskEntryType.Issue, "Reviewers appearing late and forcing rework", Training, It, RiskSeverity.High, null),
            new DemoRisk(RiskEntryType.Risk, "IT overloaded during the ERP upgrade", Training, It, RiskSeverity.Medium, RiskLikelihood.AlmostCertain)),
        new("New-hire onboarding journeys", "Automatic onboarding paths assigned from the HR system on day one.",
            1, 2, Audiences.Employees, 3000, 200, AccessChannels.OfficeNetwork | AccessChannels.RemoteVpn,
            HostingModel.VendorHostedSaas, Integrations.Sso | Integrations.HrisFeed, ContentSource.InHouse, PhaseKind.DesignAndBuild,
            LifecycleStatus.Active, RolloutHealth.OnTrack, null, 100, 75,
            new DemoRisk(RiskEntryType.Risk, "Integrations breaking after vendor releases", It, It, RiskSeverity.Medium, RiskLikelihood.Possible)),
        new("Retail product launch training", "Launch training for retail customers' store staff.",
            2, 2, Audiences.Customers, 5000, 300, AccessChannels.PublicInternet | AccessChannels.MobileByod,
            HostingModel.VendorHostedSaas, Integrations.None, ContentSource.Outsourced, PhaseKind.Initiation, LifecycleStatus.Draft,
            RolloutHealth.OnTrack, null, 2, 120),
        new("Health and safety refresher", "Refresher modules for warehouse staff, paused for the new regulation.",
            1, 1, Audiences.Employees, 2200, 150, AccessChannels.OfficeNetwork,
            HostingModel.VendorHostedSaas, Integrations.Sso, ContentSource.InHouse, PhaseKind.Assessment, LifecycleStatus.OnHold,
            RolloutHealth.AtRisk, "Waiting for the new regulation text.", 45, 180),
        new("Legacy LMS migration", "Move training records and courses from the old on-premises LMS, keyed on employee ID.",
            2, 1, Audiences.Employees, 12000, 700, AccessChannels.OfficeNetwork | AccessChannels.RemoteVpn,
            HostingModel.ItHostedOnPremises, Integrations.Sso | Integrations.HrisFeed | Integrations.Sap, ContentSource.InHouse,
            PhaseKind.Assessment, LifecycleStatus.Active, RolloutHealth.OffTrack, "Retention rules for old records not agreed.", 70, 110,
            new DemoRisk(RiskEntryType.Risk, "Legacy records migrated outside the retention policy", It, Training, RiskSeverity.High, RiskLikelihood.Possible)),
    ];
}
