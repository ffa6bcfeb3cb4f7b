using ElearningRollout.Application;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Web.Api;
using ElearningRollout.Web.Api.Scim;
using ElearningRollout.Web.Api.V1;
using ElearningRollout.Web.Components;
using ElearningRollout.Web.Components.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Serilog;

namespace ElearningRollout.Web.Hosting;

/// <summary>How the product is put together: services (Add...) and the request pipeline (Use...).</summary>
public static class ProductComposition
{
    /// <summary>How often an open circuit's popover service tells the browser which popovers were removed.</summary>
    public static readonly TimeSpan PopoverDetachDelay = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddElearningRollout(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext()
            // Last, so it sees every property the others added (the hosting scope's RequestPath among them).
            .Enrich.With<SecretRedaction>());
        CachedLoggerFactory.Decorate(services);

        // No "Server: Kestrel" header: nothing to tell a scanner which server and version to try.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalizationInterceptor<ProductWordsInterceptor>();

        // MudBlazor's popover service, once a circuit shows its first popover (a select, a menu, a tooltip), wakes every
        // QueueDelay (0.5 s by default) for as long as the circuit lives, to tell the browser in one batch which popovers
        // were removed, even when none were. Twice a second on every open circuit was most of an idle dashboard's
        // processor time (docs/performance.md, "Sixth step"); the browser only keeps a removed popover's observers a
        // few seconds longer.
        services.Configure<MudBlazor.PopoverOptions>(popovers => popovers.QueueDelay = PopoverDetachDelay);
        services.AddCapacityDiagnostics(builder.Configuration);

        services.AddProductDatabase(builder.Configuration, builder.Environment);
        services.AddElearningRolloutApplication();
        services.AddScoped<ICurrentActor, PrincipalCurrentActor>();
        services.Configure<Application.Notifications.EmailOptions>(builder.Configuration.GetSection(Application.Notifications.EmailOptions.Section));
        services.Configure<Application.CoursePackages.CoursePackageLimits>(builder.Configuration.GetSection(Application.CoursePackages.CoursePackageLimits.Section));
        services.Configure<Application.Workload.WorkloadOptions>(builder.Configuration.GetSection(Application.Workload.WorkloadOptions.Section));
        services.Configure<Application.Gates.ReviewLinks.ReviewLinkOptions>(builder.Configuration.GetSection(Application.Gates.ReviewLinks.ReviewLinkOptions.Section));
        services.Configure<Application.Dashboard.DashboardOptions>(builder.Configuration.GetSection(Application.Dashboard.DashboardOptions.Section));

        // A relative Storage:Packages is taken from the web project's folder, as the SQLite file's path is.
        services.PostConfigure<Application.CoursePackages.CoursePackageLimits>(limits =>
            limits.Packages = Path.GetFullPath(limits.Packages, builder.Environment.ContentRootPath));
        // A share outside 1–100% would make every plan's default refuse its own save: refuse to start instead.
        services.AddOptions<Application.Bandwidth.BandwidthPlanningOptions>()
            .Bind(builder.Configuration.GetSection(Application.Bandwidth.BandwidthPlanningOptions.Section))
            .Validate(o => o.DefaultAllowedSharePercent is >= 1 and <= 100, "BandwidthPlanning:DefaultAllowedSharePercent must be between 1 and 100.")
            .ValidateOnStart();
        services.AddHostedService<NotificationBackgroundService>();
        services.AddHostedService<AbandonedUploadSweeper>();
        services.AddIntegrationHosting(builder.Configuration, builder.Environment);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddMemoryCache();
        services.AddScoped<SignInDecoy>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthorization();
        AdministratorTwoFactorPolicy.AddAdministratorTwoFactor(services, builder.Configuration);
        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            });
        authentication.AddIdentityCookies();
        // Single sign-on (OpenID Connect) when Authentication:Oidc:Authority is set; refuses to start on an unsafe configuration.
        authentication.AddSingleSignOn(builder.Configuration, builder.Environment);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "ElearningRollout.Auth";
            SessionLifetime.Configure(cookie);
            AccountStanding.ValidateCookieOnEveryRequest(cookie);
            cookie.Events.OnRedirectToAccessDenied = AdministratorTwoFactorPolicy.RedirectToAccessDeniedOrSetUp;
        });
        services.AddScoped<CircuitIdleTimeout>();
        services.AddScoped<TabVisibility>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitIdleTimeoutHandler>();
        CircuitCap.AddCircuitCap(services, builder.Configuration);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = IdentityRevalidatingAuthenticationStateProvider.Interval);
        services.AddSingleton<AccountStanding>();
        services.AddElearningRolloutIdentityStores().AddSignInManager().AddUserManager<StandingAwareUserManager>();

        services.AddSignInRateLimit(builder.Configuration);
        // Several instances: live updates, drafts and the sign-in limit through Redis when configured (docs/deployment.md).
        Cluster.ClusterHosting.AddClusterSharing(services, builder.Configuration, builder.Environment);
        services.AddScimProvisioning(builder.Configuration);
        services.AddRestApi(builder.Configuration, builder.Environment);
        services.AddProxyForwarding(builder.Configuration);
        // The antiforgery cookie is Secure whenever the request came over HTTPS (directly or, with forwarded headers, via a trusted proxy).
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddProductDataProtection(builder.Configuration, builder.Environment);

        services.AddProductHealthChecks();
        services.AddProductTelemetry(builder.Configuration);
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(
            migrate: DatabaseHosting.MigrateOnStartup(app.Configuration, app.Environment),
            seedDemoData: app.Environment.IsDevelopment());
    }

    public static WebApplication UseElearningRollout(this WebApplication app)
    {
        // First: everything after it (HTTPS redirection, HSTS, cookies, the rate limit) sees the real client and scheme.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // A friendly page with a correlation id; the details go to the log, never to the browser.
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiProblemResponses();
        app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = IntegrationHosting.RequestLogProperties);
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapProductHealthChecks();
        // Render batches go uncompressed unless Circuits:CompressWebSockets says otherwise: per-message compression kept a
        // compressor's state for every open tab (about 1 MB of working set per idle list tab) and compressed every batch
        // for every viewer of a change (docs/performance.md, "Capacity").
        var compress = app.Configuration.GetValue("Circuits:CompressWebSockets", false);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = !compress);
        app.MapAccountEndpoints();
        app.MapAuditExport();
        app.MapCostSharingExport();
        app.MapPortfolioExport();
        app.MapReviewLinks();
        app.MapScim();
        app.MapRestApi();
        app.MapRestApiDocuments();
        app.MapCalendarFeed();
        app.MapCoursePackageUpload();
        app.MapCapacityDiagnostics();
        return app;
    }

    public static void PrintUrlsWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Console.WriteLine($"ElearningRollout is running at {address} (environment: {app.Environment.EnvironmentName})");
            }
        });
    }
}
