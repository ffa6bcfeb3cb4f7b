namespace ElearningRollout.Application.Seeding;

/// <summary>The glossary every installation starts with (docs/domain-content.md); IT leads edit it afterwards.</summary>
public static class BuiltInGlossary
{
    public static readonly IReadOnlyList<(string Term, string Definition)> Terms =
    [
        ("Bandwidth", "How much data a connection carries per second."),
        ("Concurrent users", "People using the system at the same moment; drives capacity planning."),
        ("Firewall", "A network gatekeeper that can block traffic, course media included."),
        ("Allow-list", "The domains or ports IT lets through the firewall."),
        ("VPN", "An encrypted tunnel into the company network for remote staff."),
        ("SSO", "One corporate login opens the LMS."),
        ("Identity provider (IdP)", "The system that checks who a user is."),
        ("SAML / OIDC", "The two common standards an identity provider uses to vouch for a user."),
        ("MFA", "A second proof of identity beyond the password."),
        ("Provisioning / SCIM", "Automatic creation and removal of accounts from the HR source."),
        ("RBAC", "Permissions granted by role."),
        ("API", "A defined way for two systems to exchange data."),
        ("SFTP feed", "A scheduled, secure file transfer, often nightly."),
        ("Sandbox / staging", "A test copy of a system, separate from the live one."),
        ("UAT", "Business users confirm that the system works before launch."),
        ("SaaS vs on-premises", "The vendor runs it vs our IT runs it."),
        ("Multi-tenant", "Many customers share one platform, their data kept apart."),
        ("Encryption in transit / at rest", "Data scrambled while it moves and while it is stored."),
        ("Penetration test", "An authorised simulated attack to find weaknesses."),
        ("SOC 2 Type II / ISO 27001", "Independent evidence that security controls work."),
        ("DPA", "The contract that sets how a vendor may process personal data."),
        ("Data residency", "The country where data is physically stored."),
        ("SLA", "Promised uptime and response times."),
        ("eCDN", "Internal caching so that mass video viewing does not overload office links."),
        ("SCORM", "The older standard for packaging courses and reporting completion and score."),
        ("xAPI / LRS", "A newer tracking format, and the store that keeps its records."),
        ("cmi5", "Rules for an LMS launching xAPI-based courses."),
        ("LTI", "A standard for launching external tools from the LMS."),
        ("WCAG / VPAT", "The accessibility standard, and the vendor's report of conformance to it."),
        ("MDM / BYOD", "Managing mobile devices; staff using their own devices."),
        ("TCO", "All costs over the system's life, not just the licence."),
        ("Chargeback / showback", "Internal billing; cost reporting without billing."),
        ("Hypercare", "A period of extra support right after go-live."),
    ];
}
