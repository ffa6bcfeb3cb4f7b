using System.Diagnostics;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Security;
using ElearningRollout.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// Every use case of the permission matrix, as every person, run through the SQL Server provider (see
/// <see cref="SqlServerRecorder"/>): each row is arranged on the SQLite test database, then acted against services
/// whose contexts are SQL Server's. A LINQ query SQL Server cannot translate, a transaction the retrying strategy
/// refuses, or SQL that does not parse as T-SQL fails; so does any exception that is not the application's own answer.
/// The background jobs and the seeders run the same way.
/// Each act runs twice: against an empty database (strict: only the application's own answers may come back), and
/// against a stand-in that answers every SELECT with one row, so the statements behind a first lookup are sent too
/// (its made-up rows make the application fail in made-up ways, so there only SQL Server's refusals fail the test).
/// </summary>
public sealed partial class SqlServerStatementTests(SqliteTestDatabase database, ITestOutputHelper output) : IClassFixture<SqliteTestDatabase>
{
    private static readonly Who[] People = [Who.Administrator, Who.Owner, Who.OtherTrainingManager, Who.ItLead, Who.Executive, Who.SignedOut];

    /// <summary>Read methods that answer from the person alone, with no SQL.</summary>
    private static readonly HashSet<string> AnswerWithoutSql = ["RolloutQueries.CanCreateAsync", "GlossaryQueries.CanMaintainAsync", "VendorQueries.CanRegisterAsync",
        "HolidayQueries.CanMaintainAsync", "WorkloadQueries.CanSeeByReviewerAsync"];

    [Fact]
    public async Task Every_use_case_runs_on_the_SQL_Server_provider_and_every_statement_parses_as_T_SQL()
    {
        var watch = Stopwatch.StartNew();
        await using var sqlServer = new SqlServerServices(database);
        await using var deep = new SqlServerServices(database, oneRowEach: true);
        var scenario = new PermissionScenario(database);
        var failures = new List<string>();
        var madeUp = new Dictionary<string, int>();

        foreach (var row in PermissionMatrix.Rows)
        {
            var act = await row.Arrange(scenario);
            foreach (var person in People)
            {
                await PlayAsync(person);
                var before = sqlServer.Recorder.Count;
                scenario.ActingServices = sqlServer.Scoped;
                var outcome = await Outcome.OfAsync(act);
                scenario.ActingServices = null;
                var issued = sqlServer.Recorder.Count - before;
                scenario.ActingServices = deep.Scoped;
                var deepOutcome = await Outcome.OfAsync(act);
                scenario.ActingServices = null;
                if (deepOutcome is not null && IsSqlServerRefusal(deepOutcome))
                {
                    failures.Add($"{row.Key} as {person}, with rows: {deepOutcome}");
                }
                else if (!IsAnAnswer(deepOutcome))
                {
                    var key = $"{deepOutcome!.GetType().Name}: {deepOutcome.Message.Split('\n')[0]}";
                    madeUp[key] = madeUp.GetValueOrDefault(key) + 1;
                }

                if (!IsAnAnswer(outcome))
                {
                    failures.Add($"{row.Key} as {person}: {outcome}");
                }
                else if (person == Who.Administrator && IsARead(row) && issued == 0 && !AnswerWithoutSql.Contains(row.Key))
                {
                    failures.Add($"{row.Key} as {person}: a read that sent no SQL ({outcome?.GetType().Name ?? "no exception"} {outcome?.Message})");
                }
            }
        }

        await PlayAsync(Who.Administrator);
        foreach (var (name, job) in BackgroundWork(sqlServer.Root))
        {
            if (await Outcome.OfAsync(job) is { } outcome && !IsAnAnswer(outcome))
            {
                failures.Add($"{name}: {outcome}");
            }
        }

        foreach (var (name, job) in BackgroundWork(deep.Root))
        {
            if (await Outcome.OfAsync(job) is { } outcome && IsSqlServerRefusal(outcome))
            {
                failures.Add($"{name}, with rows: {outcome}");
            }
        }

        var strict = sqlServer.Recorder.Statements.Select(s => s.Sql).Distinct().ToList();
        var distinct = strict.Concat(deep.Recorder.Statements.Select(s => s.Sql)).Distinct().ToList();
        foreach (var sql in distinct)
        {
            if (TSql.Parse(sql) is { Count: > 0 } problems)
            {
                failures.Add($"Not T-SQL:\n{sql}\n{string.Join("\n", problems)}");
            }
        }

        output.WriteLine($"{sqlServer.Recorder.Count + deep.Recorder.Count} statements sent, {distinct.Count} distinct parsed "
            + $"({strict.Count} against the empty database), in {watch.Elapsed.TotalSeconds:0.0} s.");
        output.WriteLine("  by kind: " + string.Join(", ", distinct
            .GroupBy(sql => StatementKind().Match(sql) is { Success: true } m ? m.Value.ToUpperInvariant() : "other")
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}")));
        if (Environment.GetEnvironmentVariable("ELR_SQLSERVER_STATEMENTS") is { Length: > 0 } file)
        {
            // For a reviewer or a DBA: every distinct statement, separated as batches.
            File.WriteAllText(file, string.Join("\nGO\n", distinct));
        }

        foreach (var (what, count) in madeUp.OrderByDescending(m => m.Value))
        {
            output.WriteLine($"  with made-up rows, {count} x {what}");
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(strict.Count >= 60, $"Only {strict.Count} distinct statements were recorded against the empty database.");
    }

    /// <summary>What runs for nobody: the jobs of the notification service, sign-in auditing, and the seeders on an empty database.</summary>
    private static IEnumerable<(string Name, Func<Task> Job)> BackgroundWork(IServiceProvider services)
    {
        yield return ("OverdueScanner.ScanAsync", () => services.GetRequiredService<OverdueScanner>().ScanAsync(CancellationToken.None));
        yield return ("NotificationMailer.SendPendingAsync", () => services.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None));
        yield return ("WorkLeases.TryClaimAsync", () => services.GetRequiredService<Application.Cluster.WorkLeases>().TryClaimAsync("statement-test", TimeSpan.FromMinutes(2), CancellationToken.None));
        yield return ("WorkLeases.ReleaseAsync", () => services.GetRequiredService<Application.Cluster.WorkLeases>().ReleaseAsync("statement-test", CancellationToken.None));
        yield return ("NotificationPass.RunAsync", () => services.GetRequiredService<NotificationPass>().RunAsync(TimeSpan.FromMinutes(2), CancellationToken.None));
        yield return ("SignInAudit.RecordAsync", () => services.GetRequiredService<SignInAudit>().RecordAsync("user-id", "Somebody", SignInOutcome.SignedIn));
        yield return ("DatabaseInitializer.InitializeAsync", () => services.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: false, seedDemoData: true));
    }

    [GeneratedRegex(@"\b(SELECT|INSERT|UPDATE|DELETE|MERGE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementKind();

    /// <summary>What SQL Server's provider refuses: a query it cannot translate, a transaction outside the retrying strategy.</summary>
    private static bool IsSqlServerRefusal(Exception outcome)
    {
        for (var e = outcome; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains("could not be translated", StringComparison.Ordinal)
                || e.Message.Contains("execution strategy", StringComparison.Ordinal)
                || e is NotSupportedException or NotImplementedException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsARead(PermissionRow row) => !row.Service.Name.EndsWith("Commands", StringComparison.Ordinal)
        && (row.Method.StartsWith("Get", StringComparison.Ordinal) || row.Method.StartsWith("List", StringComparison.Ordinal)
            || row.Method.StartsWith("Search", StringComparison.Ordinal) || row.Method.StartsWith("Load", StringComparison.Ordinal)
            || row.Method.StartsWith("Export", StringComparison.Ordinal) || row.Method.StartsWith("Can", StringComparison.Ordinal)
            || row.Method.EndsWith("QueueAsync", StringComparison.Ordinal) || row.Method.EndsWith("ChoicesAsync", StringComparison.Ordinal)
            || row.Service.Name.EndsWith("Queries", StringComparison.Ordinal));

    /// <summary>
    /// The application's own answers: missing (the database is empty), refused, invalid, a domain rule, a conflict.
    /// A DbUpdateException comes from the stand-in answers to SaveChanges (a MERGE of several rows gets one row back),
    /// after the SQL was recorded; it is not SQL Server's.
    /// </summary>
    private static bool IsAnAnswer(Exception? outcome) => outcome is null
        or NotFoundException or AccessRefusedException or ValidationFailedException or DomainException or ConcurrencyConflictException
        or DbUpdateException;

    private async Task PlayAsync(Who person)
    {
        if (person == Who.SignedOut)
        {
            database.Actor.PlayAs(null);
            return;
        }

        await database.PlayAsync(PermissionMatrix.AccountOf(person));
    }

}
