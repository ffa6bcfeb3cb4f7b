using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Domain.Common;
using ElearningRollout.Tests.Shared.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ElearningRollout.Application.Tests.Infrastructure;

/// <summary>
/// A real, migrated SQLite database in a temporary file, with the application's services over it,
/// reference data and the demo accounts. One per test class (IClassFixture) or per test; deleted afterwards.
/// </summary>
public sealed class SqliteTestDatabase : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"elr-test-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;
    private AsyncServiceScope _scope;

    public TestActor Actor { get; } = new();

    /// <summary>This test's package store (Storage:Packages), removed afterwards.</summary>
    public string PackagesPath { get; } = Path.Combine(Path.GetTempPath(), $"elr-packages-{Guid.NewGuid():N}");

    public SqlStatementCounter Statements { get; } = new();

    /// <summary>Fails the saves a test chooses, to show that nothing of a failed change is kept.</summary>
    public SaveFault Faults { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    public string ConnectionString => $"Data Source={_path};Pooling=False";

    // Migrating and hashing six demo passwords takes about a second; do it once per test run
    // into a template file and give every test its own copy.
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templatePath;

    public async Task InitializeAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templatePath is null)
            {
                BuildServices();
                await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemoData: true);
                await _services!.DisposeAsync();
                var template = Path.Combine(Path.GetTempPath(), $"elr-template-{Guid.NewGuid():N}.db");
                File.Copy(_path, template);
                _templatePath = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(template);
            }
            else
            {
                File.Copy(_templatePath, _path);
            }
        }
        finally
        {
            TemplateLock.Release();
        }

        BuildServices();
        _scope = _services!.CreateAsyncScope();
    }

    private void BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<TimeProvider>(Clock);
        // A query loading two or more collections must say how (AsSplitQuery through a store, or AsSingleQuery with why
        // they stay small); one that does not throws here instead of returning their product (architecture.md, Persistence).
        services.AddDbContextFactory<ElearningRolloutDbContext>((provider, o) => o
            .UseElearningRolloutInterceptors(provider)
            .AddInterceptors(Statements, Faults)
            .UseSqlite(ConnectionString, sqlite => sqlite.MigrationsAssembly("ElearningRollout.Migrations.Sqlite"))
            .ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning)));
        services.AddElearningRolloutApplication();
        services.Configure<Application.CoursePackages.CoursePackageLimits>(limits => limits.Packages = PackagesPath);
        services.AddElearningRolloutIdentityStores();
        services.AddSingleton<Common.ICurrentActor>(Actor);

        // The webhook tests' receivers listen on loopback over plain http (the address guard has its own tests).
        services.Configure<Common.IntegrationOptions>(o =>
        {
            o.AllowHttpWebhooks = true;
            o.AllowPrivateWebhookAddresses = true;
        });

        // Tests start from the demo accounts only; the demo portfolio has its own test.
        services.RemoveAll<IDemoDataSeeder>();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _scope.DisposeAsync();
            await _services.DisposeAsync();
        }

        File.Delete(_path);
        if (Directory.Exists(PackagesPath))
        {
            Directory.Delete(PackagesPath, recursive: true);
        }
    }

    public async Task<ElearningRolloutDbContext> CreateDbContextAsync()
        => await Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();

    /// <summary>A service from one long-lived scope, as a Blazor circuit would hold it.</summary>
    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Play one of the seeded demo accounts, with its real id, department and roles.</summary>
    public async Task<Actor> PlayAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        await using var db = await CreateDbContextAsync();
        var department = await db.Departments.Where(d => d.Id == user.DepartmentId).Select(d => d.Name).SingleAsync();
        var actor = new Actor(user.Id, user.DisplayName, department, (await users.GetRolesAsync(user)).ToHashSet());
        Actor.PlayAs(actor);
        return actor;
    }

    public static class Accounts
    {
        public const string Admin = "admin@elearning.test";
        public const string Training = "training@elearning.test";
        public const string Training2 = "training2@elearning.test";
        public const string ItLead = "itlead@elearning.test";
        public const string ItLead2 = "itlead2@elearning.test";
        public const string Executive = "exec@elearning.test";
    }

    public static IReadOnlyList<string> AllRoles => Roles.All;

    public static string DemoPassword => DemoAccounts.Password;
}
