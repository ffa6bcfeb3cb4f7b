using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElearningRollout.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for SQLite without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ElearningRolloutDbContext>
{
    public ElearningRolloutDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ElearningRolloutDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeDbContextFactory).Assembly.GetName().Name))
            .Options);
}
