using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
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

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"elr-web-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabasePath};Pooling=False");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test signs in from the same address; the limit itself has its own test.
        builder.UseSetting("Security:SignInAttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
        builder.UseSetting("Security:RequireTwoFactorForAdministrators", RequireTwoFactorForAdministrators ? "true" : "false");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        File.Delete(DatabasePath);
    }
}
