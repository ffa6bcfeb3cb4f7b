using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Web.Hosting;

/// <summary>
/// Picks the database provider at start-up (`Database:Provider`): SQLite, the embedded default,
/// or SQL Server for production. Each provider has its own migrations assembly.
/// </summary>
public static class DatabaseHosting
{
    public const string Sqlite = nameof(Sqlite);
    public const string SqlServer = nameof(SqlServer);

    public static string ProviderName(IConfiguration configuration)
        => configuration["Database:Provider"] is { Length: > 0 } name ? name : Sqlite;

    /// <summary>Migrate at start-up unless told otherwise; on by default with SQLite and in Development.</summary>
    public static bool MigrateOnStartup(IConfiguration configuration, IHostEnvironment environment)
        => configuration.GetValue<bool?>("Database:MigrateOnStartup")
           ?? (environment.IsDevelopment() || ProviderName(configuration) == Sqlite);

    public static IServiceCollection AddProductDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ProviderName(configuration);
        services.AddDbContextFactory<ElearningRolloutDbContext>((serviceProvider, options) =>
        {
            options.UseElearningRolloutInterceptors(serviceProvider);
            switch (provider)
            {
                case Sqlite:
                    options.UseSqlite(SqliteConnectionString(configuration, environment),
                        sqlite => sqlite.MigrationsAssembly("ElearningRollout.Migrations.Sqlite"));
                    break;
                case SqlServer:
                    var connectionString = configuration.GetConnectionString(SqlServer);
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is empty.");
                    }

                    options.UseSqlServer(connectionString, sql =>
                    {
                        sql.MigrationsAssembly("ElearningRollout.Migrations.SqlServer");
                        sql.EnableRetryOnFailure();
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Database:Provider '{provider}' is not known; use Sqlite or SqlServer.");
            }
        });
        return services;
    }

    /// <summary>A relative SQLite path is taken from the app's folder, and its folder is created.</summary>
    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
            configuration.GetConnectionString(Sqlite) ?? "Data Source=App_Data/elearning-rollout.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(environment.ContentRootPath, builder.DataSource);
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
