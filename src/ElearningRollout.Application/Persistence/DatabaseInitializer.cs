using ElearningRollout.Application.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElearningRollout.Application.Persistence;

/// <summary>What start-up does to the database: migrate (when asked), reference data, and demo data in Development.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(bool migrate, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<ElearningRolloutDbContext>();
        if (migrate)
        {
            logger.LogInformation("Applying database migrations");
            await db.Database.MigrateAsync(cancellationToken);
        }

        await provider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
        if (seedDemoData)
        {
            await provider.GetRequiredService<DemoAccountsSeeder>().SeedAsync(cancellationToken);
            foreach (var seeder in provider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(cancellationToken);
            }

            logger.LogInformation("Demo accounts and demo data are in place");
        }
    }
}
