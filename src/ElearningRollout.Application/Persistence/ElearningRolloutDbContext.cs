using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Glossary;
using ElearningRollout.Domain.Risks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Domain.Vendors.Selection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Persistence;

/// <summary>
/// The one database of the product: Identity's tables and the application's.
/// The provider (SQLite or SQL Server) and its migrations assembly are chosen by the host.
/// </summary>
public sealed class ElearningRolloutDbContext(DbContextOptions<ElearningRolloutDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens: kept here so a restart or a second instance keeps everyone signed in.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Rollout> Rollouts => Set<Rollout>();

    public DbSet<ClearanceGate> ClearanceGates => Set<ClearanceGate>();

    public DbSet<GateTemplate> GateTemplates => Set<GateTemplate>();

    public DbSet<RiskEntry> RiskEntries => Set<RiskEntry>();

    public DbSet<CostSharingAgreement> CostSharingAgreements => Set<CostSharingAgreement>();

    public DbSet<AgreementComment> AgreementComments => Set<AgreementComment>();

    /// <summary>Committed and actual money per agreement, department and currency, for the dashboard; written with the agreement.</summary>
    public DbSet<Dashboard.DepartmentMoneySummary> DepartmentMoney => Set<Dashboard.DepartmentMoneySummary>();

    public DbSet<Vendor> Vendors => Set<Vendor>();

    public DbSet<VendorEngagement> VendorEngagements => Set<VendorEngagement>();

    public DbSet<VendorSelection> VendorSelections => Set<VendorSelection>();

    public DbSet<DefaultSelectionCriteria> DefaultSelectionCriteria => Set<DefaultSelectionCriteria>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<GateComment> GateComments => Set<GateComment>();

    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The bearer tokens of SCIM provisioning (hashes only).</summary>
    public DbSet<Identity.Provisioning.ScimToken> ScimTokens => Set<Identity.Provisioning.ScimToken>();

    /// <summary>Which instance does which background work until when (several instances over one database).</summary>
    public DbSet<Cluster.WorkLease> WorkLeases => Set<Cluster.WorkLease>();
    /// <summary>The administrators' holiday calendar: days review deadlines do not count.</summary>
    public DbSet<Domain.Calendar.Holiday> Holidays => Set<Domain.Calendar.Holiday>();

    /// <summary>The single-use "decide from the e-mail" links sent with review requests (no secret stored: the token is signed).</summary>
    public DbSet<Gates.ReviewLinks.ReviewLink> ReviewLinks => Set<Gates.ReviewLinks.ReviewLink>();
    /// <summary>The personal access tokens of the REST API (hashes only).</summary>
    public DbSet<Identity.ApiAccess.ApiToken> ApiTokens => Set<Identity.ApiAccess.ApiToken>();
    /// <summary>Where administrators send events (secrets protected by Data Protection).</summary>
    public DbSet<Webhooks.WebhookEndpoint> WebhookEndpoints => Set<Webhooks.WebhookEndpoint>();

    /// <summary>The webhook outbox and delivery log, written in the save of the change each message reports.</summary>
    public DbSet<Webhooks.WebhookMessage> WebhookMessages => Set<Webhooks.WebhookMessage>();

    /// <summary>The secrets of people's calendar feed addresses (hashes only).</summary>
    public DbSet<CalendarFeeds.CalendarFeedToken> CalendarFeedTokens => Set<CalendarFeeds.CalendarFeedToken>();
    public DbSet<Domain.Bandwidth.BandwidthPlan> BandwidthPlans => Set<Domain.Bandwidth.BandwidthPlan>();
    /// <summary>Reviewers' out-of-office periods and their stand-ins.</summary>
    public DbSet<ReviewerAbsence> ReviewerAbsences => Set<ReviewerAbsence>();

    /// <summary>Whom the audit trail names for this context's saves; a use case sets it to its actor.</summary>
    public AuditActor AuditActor { get; set; } = AuditActor.System;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ElearningRolloutDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their names: readable in SQL and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
