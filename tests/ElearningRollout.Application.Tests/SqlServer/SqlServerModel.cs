using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>A context configured as production configures SQL Server; nothing here ever opens the connection.</summary>
internal static class SqlServerModel
{
    public const string ConnectionString = "Server=sqlserver.invalid;Database=ElearningRollout;Encrypt=True;Connect Timeout=1";

    public static ElearningRolloutDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<ElearningRolloutDbContext>();
        Configure(builder);
        return new ElearningRolloutDbContext(builder.Options);
    }

    /// <summary>The options the web host uses for SQL Server (DatabaseHosting.AddProductDatabase), retrying strategy included.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder)
        => builder.UseSqlServer(ConnectionString, sql =>
        {
            sql.MigrationsAssembly("ElearningRollout.Migrations.SqlServer");
            sql.EnableRetryOnFailure();
        });
}
