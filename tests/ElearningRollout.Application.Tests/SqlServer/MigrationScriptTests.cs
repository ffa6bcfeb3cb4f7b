using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// The idempotent script a DBA runs against production (docs/operations.md), generated in-process from the SQL Server
/// migrations and parsed by Microsoft's T-SQL parser: a syntax SQL Server refuses fails here, with its line.
/// </summary>
public sealed class MigrationScriptTests
{
    [Fact]
    public void The_idempotent_SQL_Server_migration_script_parses_as_T_SQL()
    {
        using var db = SqlServerModel.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE", script);
        Assert.Contains("__EFMigrationsHistory", script);
        var problems = TSql.ParseScript(script);
        Assert.True(problems.Count == 0, "The SQL Server migration script does not parse:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_parser_reports_what_SQL_Server_would_refuse_with_its_line()
    {
        // Guards the guard: a SQLite-only statement and broken dynamic SQL are both caught.
        var problems = TSql.ParseScript("SELECT 1;\nGO\nSELECT 1;\nCREATE TABLE \"T\" (\"Id\" INTEGER PRIMARY KEY AUTOINCREMENT);\nGO\nEXEC(N'CREATE INDEX [IX] ON [T] ([A]) WHERE [A] IS NOT NULL LIMIT 1');");

        Assert.Equal(2, problems.Count);
        Assert.Equal(4, problems[0].Line);
        Assert.Contains("AUTOINCREMENT", problems[0].LineText);
        Assert.Equal(6, problems[1].Line);
        Assert.Contains("EXEC", problems[1].Message);
    }

    [Fact]
    public void Every_SQL_Server_migration_is_in_the_script()
    {
        using var db = SqlServerModel.CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.All(db.Database.GetMigrations(), id => Assert.Contains($"N'{id}'", script));
    }
}
