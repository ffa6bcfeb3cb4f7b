using ElearningRollout.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Tests.Shared;

/// <summary>
/// The real app (Program.cs, Development: migrations, demo accounts and demo data) over its own SQLite file,
/// deleted afterwards. Shared by the HTTP tests and, over Kestrel, by the end-to-end tests.
/// </summary>
public class ProductAppFactory : WebApplicationFactory<Program>
{
    public int SignInAttemptsPerMinute { get; init; } = 10_000;

    /// <summary>A clock for the whole app (cookies, security stamps, the application layer), e.g. a FakeTimeProvider; the real one when null.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Development turns the two-factor requirement for administrators off for the demo admin@; a test may turn it on.</summary>
    public bool RequireTwoFactorForAdministrators { get; init; }

    /// <summary>Development (demo data, developer exception page) unless a test needs what Production shows.</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// Further settings, e.g. the Data Protection certificate. Outside Development the app refuses unencrypted Data Protection
    /// keys; unless a test sets DataProtection:* itself, DataProtection:AllowUnprotectedKeys=true is set for it.
    /// </summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>A second app over the same file (a restart) may share it, with <see cref="KeepDatabase"/>.</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), $"elr-web-{Guid.NewGuid():N}.db");

    /// <summary>The app's package store (Storage:Packages), removed with the database.</summary>
    public string PackagesPath { get; init; } = Path.Combine(Path.GetTempPath(), $"elr-web-packages-{Guid.NewGuid():N}");

    /// <summary>Leave the database file when disposed (it belongs to another app of the test).</summary>
    public bool KeepDatabase { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Storage:Packages", PackagesPath);
        // Every test signs in from the same address; the limit itself has its own test.
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Security:RequireTwoFactorForAdministrators", RequireTwoFactorForAdministrators ? "true" : "false");
        if (!Settings.Keys.Any(k => k.StartsWith("DataProtection:", StringComparison.Ordinal)))
        {
            builder.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        // As in the application tests: a query loading two or more collections without AsSplitQuery or AsSingleQuery
        // throws instead of returning their product (architecture.md, Persistence).
        builder.ConfigureTestServices(services => services.ConfigureDbContext<ElearningRolloutDbContext>(
            o => o.ConfigureWarnings(w => w.Throw(RelationalEventId.MultipleCollectionIncludeWarning))));

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!KeepDatabase)
        {
            File.Delete(DatabasePath);
            if (Directory.Exists(PackagesPath))
            {
                Directory.Delete(PackagesPath, recursive: true);
            }
        }
    }
}
