using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ElearningRollout.Benchmarks;

/// <summary>
/// The dashboard's figures written by hand in SQL on the same file: the lower bound the read model is compared with.
/// The same seven answers (counts by health and go-live window, the portfolio page, the soonest go-lives, the heatmap,
/// the overdue gates, the unmet conditions, money by department and currency, the sign-offs awaiting the executive),
/// read into memory row by row, without the filters (the benchmark loads the dashboard unfiltered).
/// </summary>
internal static class HandWrittenDashboard
{
    private const string Active = "r.LifecycleStatus IN ('Active', 'OnHold')";

    private static readonly string[] Statements =
    [
        $"SELECT r.Health, r.TargetGoLive >= @today AND r.TargetGoLive <= @horizon, COUNT(*) FROM Rollouts r WHERE {Active} GROUP BY 1, 2",
        $"""
        SELECT r.Code, r.Title, r.CurrentPhase, r.Health, r.TargetGoLive, u.DisplayName FROM Rollouts r
        LEFT JOIN AspNetUsers u ON u.Id = r.TrainingOwnerId WHERE {Active} ORDER BY r.TargetGoLive, r.Code LIMIT 25
        """,
        $"""
        SELECT r.Code, r.Title, r.CurrentPhase, r.Health, r.TargetGoLive, u.DisplayName FROM Rollouts r
        LEFT JOIN AspNetUsers u ON u.Id = r.TrainingOwnerId
        WHERE {Active} AND r.TargetGoLive >= @today AND r.TargetGoLive <= @horizon ORDER BY r.TargetGoLive, r.Code LIMIT 10
        """,
        $"SELECT g.Kind, g.State, COUNT(*) FROM ClearanceGates g JOIN Rollouts r ON r.Id = g.RolloutId WHERE g.IsRequired AND {Active} GROUP BY g.Kind, g.State",
        $"""
        SELECT g.Id, r.Code, g.Kind, g.DueDate, u.DisplayName FROM ClearanceGates g JOIN Rollouts r ON r.Id = g.RolloutId
        LEFT JOIN AspNetUsers u ON u.Id = g.ReviewerId
        WHERE g.IsRequired AND {Active} AND g.State IN ('Submitted', 'InReview') AND g.DueDate < @today ORDER BY g.DueDate LIMIT 10
        """,
        $"""
        SELECT c.GateId, r.Code, c.Text, u.DisplayName, c.DueDate FROM GateConditions c JOIN ClearanceGates g ON g.Id = c.GateId
        JOIN Rollouts r ON r.Id = g.RolloutId LEFT JOIN AspNetUsers u ON u.Id = c.OwnerId
        WHERE c.MetAt IS NULL AND {Active} ORDER BY c.DueDate LIMIT 10
        """,
        $"""
        SELECT s.Department, s.Currency, SUM(s.CommittedCents), SUM(s.ActualCents) FROM DepartmentMoneySummaries s
        JOIN Rollouts r ON r.Id = s.RolloutId WHERE {Active} GROUP BY s.Department, s.Currency
        """,
        $"""
        SELECT g.Id, g.Version, r.Code, r.Title, r.TargetGoLive FROM ClearanceGates g JOIN Rollouts r ON r.Id = g.RolloutId
        WHERE g.IsRequired AND {Active} AND g.Kind = 'GoLiveSignOff' AND g.State IN ('Submitted', 'InReview')
          AND (g.ReviewerId = @me OR g.ReviewerId IS NULL) ORDER BY r.TargetGoLive LIMIT 10
        """,
    ];

    /// <summary>The figures the comparison checks: active rollouts, go-lives soon, heatmap total, committed and actual cents per currency.</summary>
    public sealed record Figures(long Active, long Soon, long HeatmapTotal, IReadOnlyDictionary<string, (long Committed, long Actual)> MoneyByCurrency);

    public static async Task<Figures> LoadAsync(string connectionString, DateOnly today, string executiveId)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        long active = 0, soon = 0, heatmap = 0;
        var money = new Dictionary<string, (long, long)>();
        for (var i = 0; i < Statements.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Statements[i];
            command.Parameters.AddWithValue("@today", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("@horizon", today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("@me", executiveId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = new object[reader.FieldCount];
                reader.GetValues(cells);
                switch (i)
                {
                    case 0:
                        active += reader.GetInt64(2);
                        soon += reader.GetInt64(1) == 1 ? reader.GetInt64(2) : 0;
                        break;
                    case 3:
                        heatmap += reader.GetInt64(2);
                        break;
                    case 6:
                        var (committed, actual) = money.GetValueOrDefault(reader.GetString(1));
                        money[reader.GetString(1)] = (committed + reader.GetInt64(2), actual + reader.GetInt64(3));
                        break;
                }
            }
        }

        return new Figures(active, soon, heatmap, money);
    }
}
