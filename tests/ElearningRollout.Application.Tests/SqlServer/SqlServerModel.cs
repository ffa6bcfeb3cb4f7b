using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>A context configured as production configures SQL Server; nothing here ever opens the connection.</summary>
internal static class SqlServerModel
{
    public const string ConnectionString = "Server=sqlserver.invalid;Database=ElearningRollout;Encrypt=True;Connect Timeout=1";

    public static ElearningRolloutDbContext CreateContext() => new(Options().Options);

    /// <summary>The options the web host uses for SQL Server (DatabaseHosting.AddProductDatabase), retrying strategy included.</summary>
    public static DbContextOptionsBuilder<ElearningRolloutDbContext> Options(DbContextOptionsBuilder<ElearningRolloutDbContext>? builder = null)
        => (builder ?? new DbContextOptionsBuilder<ElearningRolloutDbContext>())
            .UseSqlServer(ConnectionString, sql =>
            {
                sql.MigrationsAssembly("ElearningRollout.Migrations.SqlServer");
                sql.EnableRetryOnFailure();
            });
}
