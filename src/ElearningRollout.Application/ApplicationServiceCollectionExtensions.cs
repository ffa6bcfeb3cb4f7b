using System.Reflection;
using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Preferences;
using ElearningRollout.Application.Seeding;
using FluentValidation;
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
        // In-process unless the host relays signals between instances (Redis:Configuration).
        services.TryAddSingleton<Notifications.ISignalRelay, Notifications.InProcessSignalRelay>();
        services.AddSingleton(provider => new Notifications.NotificationSignals(provider.GetRequiredService<Notifications.ISignalRelay>()));
        services.AddSingleton<Notifications.NotificationSignalInterceptor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoRolloutsSeeder>();

        // After the rollouts: vendors are engaged on them; then the selection picks candidates from the registry.
        services.AddScoped<IDemoDataSeeder, DemoVendorsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoVendorSelectionSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoAgreementsSeeder>();
        services.AddScoped<IDemoDataSeeder, DemoCoursePackageSeeder>();
        services.AddScoped<AdministratorBootstrap>();
        services.AddSingleton<Audit.SignInAudit>();
        services.AddSingleton<Audit.RefusalAudit>();
        services.AddSingleton<Audit.ExportAudit>();

        services.AddSingleton<Notifications.NotificationMailer>();
        services.AddSingleton<Notifications.OverdueScanner>();
        services.TryAddSingleton<Cluster.WorkerIdentity>();
        services.AddSingleton<Cluster.WorkLeases>();
        services.AddSingleton<Notifications.NotificationPass>();
        services.AddOptions<Notifications.EmailOptions>();
        services.AddOptions<CoursePackages.CoursePackageLimits>();
        services.AddOptions<Workload.WorkloadOptions>();
        services.AddOptions<Gates.ReviewLinks.ReviewLinkOptions>();
        services.AddSingleton<Gates.ReviewLinks.ReviewLinkIssuer>();
        services.AddOptions<Bandwidth.BandwidthPlanningOptions>();

        // One snapshot per watched dashboard view in this instance, shared by its viewers (issue 18).
        services.AddSingleton<Dashboard.DashboardFeed>();
        services.AddOptions<Dashboard.DashboardOptions>();
        services.AddScoped<Common.Edits.EditPipeline>();
        services.AddIntegrations();
        services.AddFeatureServices(typeof(ApplicationServiceCollectionExtensions).Assembly);
        return services;
    }

    /// <summary>
    /// Webhooks and calendar feeds: the outbox interceptor, the sender and its HttpClient, which follows no redirect
    /// (a receiver must not send the signed event on to an address the administrator never saw) and keeps no cookies.
    /// </summary>
    private static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddOptions<Common.IntegrationOptions>();
        services.AddSingleton<Webhooks.WebhookOutboxInterceptor>();
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddHttpClient(Webhooks.WebhookSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var settings = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Common.IntegrationOptions>>();
                return new System.Net.Http.SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    ConnectTimeout = TimeSpan.FromSeconds(10),

                    // The address guard must see the receiver's address, not a proxy's: webhooks never go through a proxy.
                    UseProxy = false,
                    ConnectCallback = (context, ct) => Webhooks.WebhookAddressGuard.ConnectAsync(context.DnsEndPoint, settings.CurrentValue.AllowPrivateWebhookAddresses, ct),
                };
            });
        return services;
    }

    /// <summary>
    /// Registers a feature's parts by convention, so a new aggregate's folder needs no line here: every use-case service
    /// (<see cref="Common.IUseCases"/>) and building block (<see cref="Common.IFeatureService"/>) scoped, and every
    /// validator (a form's own and its <see cref="Common.Edits.ServerRules{TDraft}"/>) as a singleton under
    /// <c>IValidator&lt;TDraft&gt;</c>, the form's own also under its class for the form to inject.
    /// </summary>
    internal static IServiceCollection AddFeatureServices(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }).OrderBy(t => t.FullName))
        {
            if (typeof(Common.IUseCases).IsAssignableFrom(type) || typeof(Common.IFeatureService).IsAssignableFrom(type))
            {
                services.AddScoped(type);
            }
            else if (DraftOf(type) is { } draft)
            {
                services.AddSingleton(typeof(IValidator<>).MakeGenericType(draft), type);
                if (!IsServerRules(type))
                {
                    services.AddSingleton(type);
                }
            }
        }

        return services;
    }

    private static Type? DraftOf(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsServerRules(Type validator)
    {
        for (var type = validator.BaseType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Common.Edits.ServerRules<>))
            {
                return true;
            }
        }

        return false;
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
