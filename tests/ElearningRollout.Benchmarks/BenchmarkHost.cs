using ElearningRollout.Application;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Domain.Common;
using ElearningRollout.Tests.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ElearningRollout.Benchmarks;

/// <summary>
/// The application layer as the web host composes it (same services, interceptors, SQLite provider and migrations),
/// over the benchmark's file, with a fixed clock and a chosen person, and a counter of the SQL statements EF sends.
/// </summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    /// <summary>Everything is generated and measured "today" = 2026-11-02, so runs on different days compare.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public BenchmarkHost(string file)
    {
        ConnectionString = $"Data Source={file};Pooling=True";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddDbContextFactory<ElearningRolloutDbContext>((provider, o) => o
            .UseElearningRolloutInterceptors(provider)
            .AddInterceptors(Statements)
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("ElearningRollout.Migrations.Sqlite")));
        services.AddElearningRolloutApplication();
        services.AddElearningRolloutIdentityStores();
        services.AddSingleton<ICurrentActor>(Actor);

        // The generator writes the portfolio; the demo one would only add noise.
        services.RemoveAll<IDemoDataSeeder>();
        _services = services.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public SqlStatementCounter Statements { get; } = new();

    public PlayedActor Actor { get; } = new();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Schema by the real migrations, reference data and the demo accounts.</summary>
    public Task CreateDatabaseAsync() => Get<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemoData: true);

    public async Task<Actor> PersonAsync(string email, string role)
    {
        await using var db = await Get<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new { u.Id, u.DisplayName, Department = u.Department!.Name }).SingleAsync();
        return new Actor(user.Id, user.DisplayName, user.Department, new HashSet<string> { role });
    }

    /// <summary>A context without interceptors, for bulk writes the audit trail has no business recording.</summary>
    public ElearningRolloutDbContext BulkContext() => new(new DbContextOptionsBuilder<ElearningRolloutDbContext>()
        .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("ElearningRollout.Migrations.Sqlite")).Options);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    public sealed class PlayedActor : ICurrentActor
    {
        public Actor? Current { get; set; }

        public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Current);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
