using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElearningRollout.Migrations.SqlServer;

/// <summary>
/// Lets `dotnet ef` build the model and scripts for SQL Server without a server
/// (none runs on the build machines); the connection string is never opened.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ElearningRolloutDbContext>
{
    public ElearningRolloutDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ElearningRolloutDbContext>()
            .UseSqlServer("Server=localhost;Database=ElearningRollout;Trusted_Connection=True;TrustServerCertificate=True",
                o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
