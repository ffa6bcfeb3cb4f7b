using ElearningRollout.Application.Administration;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Preferences;
using ElearningRollout.Application.Seeding;
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
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<DemoAccountsSeeder>();
        services.AddScoped<AdministratorBootstrap>();

        services.AddScoped<UserPreferencesService>();
        services.AddScoped<UserDirectory>();
        return services;
    }
}
