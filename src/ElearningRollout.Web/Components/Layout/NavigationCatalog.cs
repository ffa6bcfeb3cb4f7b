using ElearningRollout.Domain.Common;
using MudBlazor;

namespace ElearningRollout.Web.Components.Layout;

/// <summary>One place of the product, who may go there, and what it lets them do.</summary>
public sealed record NavigationEntry(string Title, string Href, string Icon, string Purpose, IReadOnlyList<string> Roles)
{
    /// <summary>Empty <see cref="Roles"/> means every signed-in person.</summary>
    public bool IsAllowedFor(Func<string, bool> isInRole) => Roles.Count == 0 || Roles.Any(isInRole);
}

/// <summary>
/// The product's places in one list, so the drawer, the home page and the tests agree on who sees what.
/// The pages enforce the same roles with [Authorize]; this list only decides what is shown.
/// A place is listed once its page exists.
/// </summary>
public static class NavigationCatalog
{
    public static readonly IReadOnlyList<NavigationEntry> Entries =
    [
        new("Home", "/", Icons.Material.Filled.Home, "See what is waiting for you.", []),
        new("Rollouts", "/rollouts", Icons.Material.Filled.RocketLaunch,
            "Follow rollout projects, their phases, clearance gates and risks.", []),
        new("Sign-off dashboard", "/dashboard", Icons.Material.Filled.Dashboard,
            "Watch the portfolio, its gates and overdue items; executives give go-live sign-off here.", []),
        new("Vendors", "/vendors", Icons.Material.Filled.Storefront,
            "Find vendors, their certifications and security record, and where they are engaged.", []),
        new("Review queue", "/reviews", Icons.Material.Filled.FactCheck,
            "Decide the clearance gates awaiting your role's decision, yours and overdue ones first.", [Roles.ItLead, Roles.Executive, Roles.Administrator]),
        new("IT workload", "/workload", Icons.Material.Filled.Balance,
            "See IT's open reviews and free capacity by week; IT leads and executives see it per reviewer.",
            [Roles.TrainingManager, Roles.ItLead, Roles.Executive, Roles.Administrator]),
        new("Glossary", "/glossary", Icons.Material.Filled.MenuBook,
            "Look up the IT terms used in clearance checklists, in plain words.", []),
        new("Notifications", "/notifications", Icons.Material.Filled.Notifications,
            "See what was submitted to you, decided on your gates, or awaits your sign-off.", []),
        new("Away", "/away", Icons.Material.Filled.BeachAccess,
            "Set when you are away and who stands in for your reviews meanwhile.", [Roles.ItLead, Roles.Executive]),
        new("Users", "/admin/users", Icons.Material.Filled.People,
            "Manage accounts and their roles.", [Roles.Administrator]),
        new("Departments", "/admin/departments", Icons.Material.Filled.Apartment,
            "Add departments that people belong to and costs are split between.", [Roles.Administrator]),
        new("Templates", "/admin/templates", Icons.Material.Filled.Checklist,
            "Edit the gate templates: which profiles need each gate and its checklist.", [Roles.Administrator]),
        new("SCIM provisioning", "/admin/scim", Icons.Material.Filled.Key,
            "Create and revoke the tokens an identity provider provisions accounts and roles with.", [Roles.Administrator]),
        new("Holidays", "/admin/holidays", Icons.Material.Filled.EventBusy,
            "Keep the holiday calendar that review deadlines skip.", [Roles.Administrator]),
        new("Webhooks", "/admin/webhooks", Icons.Material.Filled.Webhook,
            "Send signed events to other systems and Teams channels, and see what was delivered.", [Roles.Administrator]),
        new("Audit log", "/admin/audit", Icons.Material.Filled.History,
            "Read and export who changed what, and when.", [Roles.Administrator]),
    ];

    /// <summary>What the home page says each role can do here (docs/domain.md, "Users and roles").</summary>
    public static string RolePurpose(string role) => role switch
    {
        Roles.TrainingManager => "create rollouts, move them through their phases, request IT clearance, manage vendors, propose cost-sharing and raise risks",
        Roles.ItLead => "review clearance gates, record decisions with conditions, hand technical requirements to vendors, agree cost shares and keep the glossary",
        Roles.Executive => "watch the portfolio dashboard, give go-live sign-off and grant waivers",
        Roles.Administrator => "manage users, roles, departments and gate templates, and read the audit log",
        _ => "",
    };
}
