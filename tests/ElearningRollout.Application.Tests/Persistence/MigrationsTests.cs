using ElearningRollout.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.Persistence;

/// <summary>Each provider's migrations must describe the model exactly: a forgotten migration fails here, not in production.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new ElearningRolloutDbContext(new DbContextOptionsBuilder<ElearningRolloutDbContext>()
            .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly("ElearningRollout.Migrations.Sqlite")).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: the model has changed.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_SQL_Server_migrations_match_the_model()
    {
        // No SQL Server runs here; the check compares the model with the migrations' snapshot, without connecting.
        using var db = new ElearningRolloutDbContext(new DbContextOptionsBuilder<ElearningRolloutDbContext>()
            .UseSqlServer("Server=unused;Database=unused", o => o.MigrationsAssembly("ElearningRollout.Migrations.SqlServer")).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model has changed.");
        Assert.NotEmpty(db.Database.GetMigrations());
    }
}
