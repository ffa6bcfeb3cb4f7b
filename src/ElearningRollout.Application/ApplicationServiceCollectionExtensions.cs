using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Preferences;
using ElearningRollout.Application.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElearningRollout.Application;

/// <summary>
/// Registers the use cases. The host adds the DbContext factory (provider, connection string)
/// and an <see cref="Common.ICurrentActor"/>.
/// </summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddElearningRolloutApplication(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<Audit.AuditTrailInterceptor>();
        services.AddSingleton<Notifications.NotificationSignals>();
        services.AddSingleton<Notifications.NotificationSignalInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoRolloutsSeeder>();

        // After the rollouts: vendors are engaged on them; then the selection picks candidates from the registry.
        services.AddScoped<IDemoDataSeeder, DemoVendorsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoVendorSelectionSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoAgreementsSeeder>();
        services.AddScoped<AdministratorBootstrap>();
        services.AddSingleton<Audit.SignInAudit>();
        services.AddSingleton<Audit.RefusalAudit>();

        services.AddScoped<UserPreferencesService>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DepartmentDirectory>();
        services.AddScoped<Rollouts.RolloutCatalog>();
        services.AddScoped<Rollouts.RolloutCommands>();
        services.AddScoped<Rollouts.RolloutPeopleRules>();
        services.AddScoped<Risks.RiskLog>();
        services.AddScoped<Glossary.GlossaryService>();
        services.AddScoped<Dashboard.PortfolioDashboard>();
        services.AddScoped<Gates.GateCommands>();
        services.AddScoped<Gates.GateQueries>();
        services.AddSingleton<Gates.GateNotifier>();
        services.AddScoped<Gates.BudgetGateLink>();
        services.AddSingleton<Gates.GateDecisionDraftValidator>();
        services.AddScoped<Notifications.NotificationCenter>();
        services.AddOptions<Notifications.EmailOptions>();
        services.AddSingleton<Notifications.NotificationMailer>();
        services.AddSingleton<Notifications.OverdueScanner>();
        services.AddSingleton<Rollouts.RolloutDraftValidator>();
        services.AddSingleton<Risks.RiskDraftValidator>();
        services.AddScoped<CostSharing.CostSharingQueries>();
        services.AddSingleton<CostSharing.CostSharingNotifier>();
        services.AddScoped<CostSharing.CostSharingCommands>();
        services.AddSingleton<CostSharing.CostLineDraftValidator>();
        services.AddSingleton<CostSharing.ActualSpendDraftValidator>();
        services.AddScoped<Templates.TemplateQueries>();
        services.AddScoped<Templates.TemplateCommands>();
        services.AddSingleton<Templates.GateTemplateDraftValidator>();
        services.AddScoped<Vendors.VendorQueries>();
        services.AddScoped<Vendors.VendorCommands>();
        services.AddScoped<Vendors.VendorEngagementQueries>();
        services.AddScoped<Vendors.VendorEngagementCommands>();
        services.AddSingleton<Vendors.VendorDraftValidator>();
        services.AddSingleton<Vendors.VendorSecurityDraftValidator>();
        services.AddSingleton<Vendors.EngagementTermsDraftValidator>();
        services.AddSingleton<Vendors.RequirementDraftValidator>();
        services.AddSingleton<Vendors.EngagementProposalDraftValidator>();
        services.AddSingleton<Vendors.CertificationDraftValidator>();
        services.AddScoped<Vendors.Selection.VendorSelectionQueries>();
        services.AddScoped<Vendors.Selection.VendorSelectionCommands>();
        services.AddScoped<Vendors.Selection.SelectionCriteriaDefaults>();
        services.AddSingleton<Vendors.Selection.CriteriaDraftValidator>();
        return services;
    }

    /// <summary>Identity over our DbContext with the product's account rules; the host adds sign-in on top.</summary>
    public static IdentityBuilder AddElearningRolloutIdentityStores(this IServiceCollection services)
        => services.AddIdentityCore<ApplicationUser>(IdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ElearningRolloutDbContext>()
            .AddUserStore<ProtectedTokenUserStore>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ProductClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordLengthValidator>()
            .AddPasswordValidator<CommonPasswordValidator>();
}
