using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// The gate templates the product ships with (docs/domain-content.md): for each gate kind the phase whose exit it guards,
/// the IT involvement profiles that require it, and its checklist. The reference-data seeder stores them as version 1;
/// from then on the database is the source and administrators edit it on /admin/templates.
/// </summary>
public static class BuiltInGateTemplates
{
    public static IEnumerable<GateTemplate> Create(DateTimeOffset now) =>
    [
        new(GateKind.BudgetAgreement, PhaseKind.Initiation, InvolvementProfiles.All, false, Checklists[GateKind.BudgetAgreement], now),
        new(GateKind.InfrastructureAndNetwork, PhaseKind.Assessment, InvolvementProfiles.All, false, Checklists[GateKind.InfrastructureAndNetwork], now),
        new(GateKind.SecurityReview, PhaseKind.VendorSelection, InvolvementProfiles.All, true, Checklists[GateKind.SecurityReview], now),
        new(GateKind.PrivacyAndDataProtection, PhaseKind.VendorSelection, InvolvementProfiles.All, true, Checklists[GateKind.PrivacyAndDataProtection], now),
        new(GateKind.IntegrationAndContentStandards, PhaseKind.DesignAndBuild, InvolvementProfiles.Standard | InvolvementProfiles.Deep, false,
            Checklists[GateKind.IntegrationAndContentStandards], now),
        new(GateKind.AccessibilityAndSupport, PhaseKind.Pilot, InvolvementProfiles.All, false, Checklists[GateKind.AccessibilityAndSupport], now),
        new(GateKind.GoLiveSignOff, PhaseKind.GoLive, InvolvementProfiles.All, false, Checklists[GateKind.GoLiveSignOff], now),
    ];

    private static readonly IReadOnlyDictionary<GateKind, IReadOnlyList<ChecklistItemTemplate>> Checklists =
        new Dictionary<GateKind, IReadOnlyList<ChecklistItemTemplate>>
        {
            [GateKind.SecurityReview] =
            [
                new("Vendor answered a security questionnaire sized to the risk (SIG Lite about 120 questions; CAIQ about 250 for cloud vendors; HECVAT in higher education)", true),
                new("Current SOC 2 Type II report (covers a period, usually 6-12 months) or ISO 27001 certificate (3 years, yearly surveillance audits), scope checked", true),
                new("Recent third-party penetration test summary and a vulnerability disclosure policy", false),
                new("Encryption: TLS 1.2+ in transit, strong encryption at rest, tenant data separated", true),
                new("Administrator accounts use MFA and least privilege; logins and changes are logged", true),
                new("Incident response plan with breach notification commitment; tested backup and recovery", false),
                new("Subprocessors disclosed", false),
            ],
            [GateKind.PrivacyAndDataProtection] =
            [
                new("Single sign-on through the corporate identity provider (SAML 2.0 or OIDC); certificate rotation tested", true),
                new("Accounts created and removed automatically from the HR source (SCIM 2.0 or HR feed), keyed on employee ID", false),
                new("External learners (dealers, customers) have their own sign-in path", false),
                new("Data map of what the LMS stores (identity, organisation, learning records, logs)", true),
                new("Data processing agreement signed; subprocessors declared", true),
                new("Hosting location and data residency confirmed", true),
                new("Retention and erasure rules set, including learning records sent to an external record store", false),
                new("Contract guarantees data ownership, export on exit and proof of deletion", false),
            ],
            [GateKind.InfrastructureAndNetwork] =
            [
                new("Bandwidth estimated per site from peak concurrent learners (often 0.5-5% of registered users are online at once)", true),
                new("Video and media tested over the real network before launch", true),
                new("Vendor domains allowed through firewall and proxy; filters on large files and streaming checked", true),
                new("Required ports open (443; UDP for live virtual classrooms)", false),
                new("Supported browsers and operating systems work on locked-down company PCs without unapproved plug-ins", true),
                new("Mobile policy decided: company devices or BYOD, device management, app or browser", false),
                new("Large live video events use an enterprise CDN or local caching", false),
                new("Access works for remote, VPN and external learners", false),
            ],
            [GateKind.IntegrationAndContentStandards] =
            [
                new("HR user feed agreed: fields, organisation hierarchy, timing (nightly file or API); leavers disabled automatically", true),
                new("SAP SuccessFactors or other ERP data reached through its supported APIs", false),
                new("Content formats supported and tested: SCORM 1.2, SCORM 2004, xAPI with a learning record store, cmi5, AICC as needed", true),
                new("External tools launched through LTI 1.3 where used", false),
                new("Every course tested in the target LMS before release", true),
                new("Separate test and production environments; API limits and fees known", true),
                new("Legacy training records migrated within retention policy", false),
            ],
            [GateKind.AccessibilityAndSupport] =
            [
                new("Target WCAG 2.1 AA; vendor accessibility conformance report (VPAT/ACR) reviewed, plus testing with users who have access needs", true),
                new("Captions and transcripts for video; keyboard operable; adjustable time limits on tests", false),
                new("Support tiers defined: service desk, LMS administrator, application and infrastructure teams, vendor", true),
                new("Vendor SLA with priority levels and response times (e.g. P1 within one working hour) and an uptime commitment", true),
                new("Help desk and administrators trained before go-live; a hypercare period scheduled", true),
            ],
            [GateKind.BudgetAgreement] =
            [
                new("Every cost line has a category and an owner department split", true, AgreementFact.EveryLineCategorisedAndSplit),
                new("Recurring costs (licences, hosting, support) priced for the whole contract term, including renewal increases", true,
                    AgreementFact.AgreementSigned),
                new("CapEx or OpEx set on every line for finance", false),
            ],
            [GateKind.GoLiveSignOff] =
            [
                new("All required gates cleared; no unmet conditions", true),
                new("Pilot completed and its findings addressed", true),
                new("Cost-sharing agreement signed by Training and IT", true),
            ],
        };
}
