using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Health for people and load balancers (docs/operations.md, "Health endpoints"):
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers; no dependency is asked, so a database outage never gets the app restarted.</item>
/// <item><c>/health/ready</c>: the database answers and has no pending migration; take the instance out of rotation otherwise.</item>
/// <item><c>/health</c>: as before, the database answers.</item>
/// </list>
/// The checks carry tags, and each endpoint runs the checks of its tag.
/// </summary>
public static class HealthEndpoints
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";
    public const string DatabaseTag = "database";

    public static IHealthChecksBuilder AddProductHealthChecks(this IServiceCollection services)
        => services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddDbContextCheck<ElearningRolloutDbContext>("database",
                customTestQuery: (db, ct) => db.Departments.AnyAsync(ct),
                tags: [DatabaseTag, ReadyTag])
            .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: [ReadyTag]);

    public static WebApplication MapProductHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}

/// <summary>Unhealthy while the database lacks a migration this build has (SQL Server is migrated by a DBA, not at start-up).</summary>
public sealed class PendingMigrationsHealthCheck(IDbContextFactory<ElearningRolloutDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} pending migration(s), the first {pending[0]}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The migrations could not be read.", e);
        }
    }
}
