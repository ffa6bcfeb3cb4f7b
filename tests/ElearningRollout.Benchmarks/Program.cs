using System.Diagnostics;
using System.Globalization;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Dashboard;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Benchmarks;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.Rollouts;

// Generates the portfolio, then times the dashboard's read model against hand-written SQL, and the rollout list.
var options = BenchmarkOptions.Parse(args);
foreach (var file in new[] { options.File, options.File + "-wal", options.File + "-shm" }.Where(File.Exists))
{
    File.Delete(file);
}

await using var host = new BenchmarkHost(options.File);
await host.CreateDatabaseAsync();
var counts = await new PortfolioGenerator(host).GenerateAsync(options.Rollouts);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Generated {counts.Rollouts:N0} rollouts, {counts.Phases:N0} phases, {counts.Gates:N0} gates, {counts.CostLines:N0} cost lines, {counts.Risks:N0} risks in {counts.Took.TotalSeconds:0.0} s into {options.File}"));

var executive = await host.PersonAsync("exec@elearning.test", Roles.Executive);
host.Actor.Current = executive;
var dashboard = host.Get<DashboardQueries>();
var catalog = host.Get<RolloutQueries>();
var today = DateOnly.FromDateTime(BenchmarkHost.Now.UtcDateTime);
var atRisk = new RolloutListQuery(Health: RolloutHealth.AtRisk);

// The hand-written SQL must give the same figures, or the comparison would mean nothing.
var model = await dashboard.LoadAsync(new DashboardFilter(), new PageRequest());
var raw = await HandWrittenDashboard.LoadAsync(host.ConnectionString, today, executive.UserId);
var modelMoney = model.MoneyByDepartment.GroupBy(m => m.Currency)
    .ToDictionary(g => g.Key, g => (DepartmentMoneySummary.Cents(g.Sum(m => m.Committed)), DepartmentMoneySummary.Cents(g.Sum(m => m.Actual))));
if (raw.Active != model.ActiveRollouts || raw.Soon != model.GoLivesWithin90Days || raw.HeatmapTotal != model.Heatmap.Sum(c => c.Rollouts)
    || raw.MoneyByCurrency.Count != modelMoney.Count || raw.MoneyByCurrency.Any(m => modelMoney.GetValueOrDefault(m.Key) != m.Value))
{
    Console.Error.WriteLine("The read model and the hand-written SQL disagree; the timings would compare different work.");
    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Dashboard: {model.ActiveRollouts:N0} active rollouts, {model.GoLivesWithin90Days:N0} go-lives in 90 days, {model.Heatmap.Sum(c => c.Rollouts):N0} required gates, {model.AwaitingMySignOff.Count} sign-offs awaiting (first {DashboardQueries.ListLength}); same figures by hand-written SQL."));

host.Statements.Reset();
await dashboard.LoadAsync(new DashboardFilter(), new PageRequest());
var dashboardStatements = host.Statements.Count;
host.Statements.Reset();
await catalog.ListAsync(atRisk, new PageRequest());
var listStatements = host.Statements.Count;

var readModel = await Timing.MeasureAsync(options.Runs, () => dashboard.LoadAsync(new DashboardFilter(), new PageRequest()));
var handWritten = await Timing.MeasureAsync(options.Runs, () => HandWrittenDashboard.LoadAsync(host.ConnectionString, today, executive.UserId));
var list = await Timing.MeasureAsync(options.Runs, () => catalog.ListAsync(atRisk, new PageRequest()));
var ratio = readModel.P95 / handWritten.P95;

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {options.Rollouts:N0} rollouts, {options.Runs} runs after {BenchmarkOptions.WarmUpRuns} warm-up runs, {Environment.ProcessorCount} cores"));
Console.WriteLine();
Console.WriteLine("| Measure | p50 (ms) | p95 (ms) | p95 ratio to raw SQL | SQL statements |");
Console.WriteLine("|---|---:|---:|---:|---:|");
Console.WriteLine(Timing.Row("(a) Dashboard read model (application layer)", readModel, $"{ratio:0.00}", dashboardStatements.ToString(CultureInfo.InvariantCulture)));
Console.WriteLine(Timing.Row("(b) Same figures, hand-written SQL", handWritten, "1.00", "8"));
Console.WriteLine(Timing.Row("(c) /rollouts first page, health = At risk", list, "", listStatements.ToString(CultureInfo.InvariantCulture)));
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(d) SQL statements per dashboard load: {dashboardStatements}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard p95 ratio: {ratio:0.00}"));
return 0;

internal static class Timing
{
    public sealed record Result(double P50, double P95);

    public static async Task<Result> MeasureAsync<T>(int runs, Func<Task<T>> run)
    {
        for (var i = 0; i < BenchmarkOptions.WarmUpRuns; i++)
        {
            await run();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Result(Percentile(times, 0.50), Percentile(times, 0.95));
    }

    public static string Row(string name, Result result, string ratio, string statements) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {result.P50:0.0} | {result.P95:0.0} | {ratio} | {statements} |");

    // Nearest rank: the smallest time at or above which the given share of runs lies.
    private static double Percentile(List<double> sorted, double share) => sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
}
