using ElearningRollout.Application.Persistence;
using ElearningRollout.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>Readiness waits for the migrations: a database a DBA has not yet migrated keeps the instance out of rotation.</summary>
public sealed class PendingMigrationsHealthCheckTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"elr-ready-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public PendingMigrationsHealthCheckTests()
    {
        _services = new ServiceCollection()
            .AddDbContextFactory<ElearningRolloutDbContext>(o => o.UseSqlite($"Data Source={_path};Pooling=False",
                sqlite => sqlite.MigrationsAssembly("ElearningRollout.Migrations.Sqlite")))
            .BuildServiceProvider();
    }

    [Fact]
    public async Task Pending_migrations_are_unhealthy_until_the_database_is_migrated()
    {
        var factory = _services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>();
        var check = new PendingMigrationsHealthCheck(factory);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("pending migration", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    public void Dispose()
    {
        _services.Dispose();
        File.Delete(_path);
    }
}
