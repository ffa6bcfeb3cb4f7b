using System.Diagnostics;
using System.Globalization;
using ElearningRollout.Benchmarks;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.LoadTests;
using ElearningRollout.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

// The capacity program (docs/performance.md, "Capacity"): the real app in Production mode, as its own process, on a
// generated portfolio, driven by real circuits (headless Chromium pages). It prints the memory each idle circuit holds,
// what a gate change costs the server with 1 to 60 open dashboards, how long a tab switch takes with 100 circuits open,
// and, as a yardstick, what a change costs a bare Blazor page (tests/ElearningRollout.LoadTests.BarePage) measured alike.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = CapacityOptions.Parse(args);
var total = Stopwatch.StartNew();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; load average at start {LoadAverage()}");

var work = Path.Combine(Path.GetTempPath(), $"elr-capacity-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
var databaseFile = Path.Combine(work, "portfolio.db");
try
{
    // 1. A generated portfolio (the benchmark's generator) with the demo accounts, in a temporary SQLite file.
    List<string> codes;
    string soonest;
    await using (var host = new BenchmarkHost(databaseFile))
    {
        await host.CreateDatabaseAsync();
        var counts = await new PortfolioGenerator(host).GenerateAsync(options.Rollouts);
        Console.WriteLine($"Generated {counts.Rollouts:N0} rollouts, {counts.Gates:N0} gates, {counts.CostLines:N0} cost lines, {counts.Risks:N0} risks in {counts.Took.TotalSeconds:0.0} s");
        await using var db = host.BulkContext();
        codes = await db.Rollouts.AsNoTracking().Where(r => r.LifecycleStatus == LifecycleStatus.Active)
            .OrderBy(r => r.Code).Select(r => r.Code).Take(Math.Max(options.Circuits, 1)).ToListAsync();
        soonest = await db.Rollouts.AsNoTracking().Where(r => r.LifecycleStatus == LifecycleStatus.Active)
            .OrderBy(r => r.TargetGoLive).ThenBy(r => r.Code).Select(r => r.Code).FirstAsync();
    }

    SqliteConnection.ClearAllPools();

    // 2. The app, in Production mode, as its own process.
    var app = options.App ?? ThisBuildsApp();
    Console.WriteLine($"Starting {app} (Production)");
    await using var server = await ServerProcess.StartAsync(app, databaseFile, Path.Combine(work, "packages"), Console.Out);
    await using var browser = await Browser.LaunchAsync(server.Address);
    var administrator = await browser.SignInAsync(DemoLogins.Admin);
    var trainingManager = await browser.SignInAsync(DemoLogins.Training);
    var executive = await browser.SignInAsync(DemoLogins.Executive);
    var diagnostics = new Diagnostics(administrator);

    string ListUrl(int i) => "/rollouts";
    string RolloutUrl(int i) => $"/rollouts/{codes[i % codes.Count]}";
    string DashboardUrl(int i) => "/dashboard";

    // Warm-up: the first page of each kind pays for JIT compilation and the app's caches, not for a circuit.
    foreach (var (context, url) in new[] { (trainingManager, (Func<int, string>)ListUrl), (trainingManager, RolloutUrl), (executive, DashboardUrl) })
    {
        await Browser.CloseAsync(await Browser.OpenAsync(context, url, 2));
    }

    await diagnostics.WaitForCircuitsAsync(0);

    // 3. Memory per idle circuit: K pages of one kind open, full collections before and after, in the server.
    var memory = new List<(string Screen, double HeapKb, double WorkingSetKb)>();
    foreach (var (screen, context, url) in new[] { ("rollout list", trainingManager, (Func<int, string>)ListUrl), ("rollout page", trainingManager, RolloutUrl), ("dashboard", executive, DashboardUrl) })
    {
        await diagnostics.WaitForCircuitsAsync(0);
        var before = await diagnostics.CollectAsync();
        var createdBefore = await diagnostics.ComponentsCreatedAsync();
        var pages = await Browser.OpenAsync(context, url, options.Circuits);
        await diagnostics.WaitForCircuitsAsync(options.Circuits);
        await Task.Delay(2000);
        var after = await diagnostics.CollectAsync();
        var created = (await diagnostics.ComponentsCreatedAsync())
            .Select(c => (Type: c.Key, PerPage: (c.Value - createdBefore.GetValueOrDefault(c.Key)) / (double)options.Circuits))
            .Where(c => c.PerPage > 0).OrderByDescending(c => c.PerPage).ToList();
        Console.WriteLine($"{screen}: {created.Sum(c => c.PerPage):0} components created per page; most: "
            + string.Join(", ", created.Take(options.MemoryOnly ? created.Count : 30).Select(c => $"{c.Type} {c.PerPage:0.#}")));
        var heap = (after.ManagedHeapBytes - before.ManagedHeapBytes) / 1024.0 / options.Circuits;
        var workingSet = (after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / options.Circuits;
        memory.Add((screen, heap, workingSet));
        Console.WriteLine($"{screen}: {options.Circuits} idle circuits hold {heap:0} KB of managed heap and {workingSet:0} KB of working set each");
        await Browser.CloseAsync(pages);
    }

    if (options.MemoryOnly)
    {
        // --memory-only: the memory figures alone (no processor or latency step), and a summary line of its own.
        PrintEndAndMemoryTable();

        Console.WriteLine();
        Console.WriteLine($"capacity (memory only): KB per circuit (list/rollout/dashboard) {memory[0].HeapKb:0}/{memory[1].HeapKb:0}/{memory[2].HeapKb:0}");
        return 0;
    }

    // 4. Server processor time per gate change with V open dashboards. Each change moves figures every viewer sees (the
    //    health of the rollout going live first: the counts by health and its portfolio row), written to the database by
    //    this program, then signalled as a decision signals it (in-process, or relayed from another instance). What is
    //    measured is the dashboards' part of a change: one recomputation and every viewer's re-render, not the decision's
    //    own save. Each change is timed from the signal until every viewer's page shows the new health, plus a short tail
    //    for the browsers' acknowledgements; right after it, a window as long without a change is timed, and the change's
    //    cost is the difference (the server's background work falls in either at random: the median of the differences).
    //    Unmeasured changes come first, so that what is measured is the warmed-up server's, not the compiler's.
    await diagnostics.WaitForCircuitsAsync(0);
    var dashboards = new List<IPage>();
    var costs = new List<(int Viewers, double Milliseconds, double QuietMilliseconds)>();
    foreach (var viewers in options.Viewers.Order())
    {
        costs.Add(await CostStepAsync(viewers, firstStep: costs.Count == 0));
    }

    // --repeat R: the smallest and the largest V measured again, R - 1 times, the extra dashboards closed and opened again
    // in between; the ratio and the cost per further viewer of each pass, and their medians. The same step spreads by
    // several milliseconds from run to run (docs/performance.md, ninth step), and the first pass's smallest V comes first.
    var (fewest, most) = (options.Viewers.Min(), options.Viewers.Max());
    var passes = new List<(double Few, double Many)> { (costs[0].Milliseconds, costs[^1].Milliseconds) };
    for (var pass = 1; pass < options.Repeat && most > fewest; pass++)
    {
        passes.Add(((await CostStepAsync(fewest, false)).Milliseconds, (await CostStepAsync(most, false)).Milliseconds));
    }

    // One cost step: V dashboards open (opened or closed to that number), a pause, unmeasured changes, then the measured ones.
    async Task<(int Viewers, double Milliseconds, double QuietMilliseconds)> CostStepAsync(int viewers, bool firstStep)
    {
        if (viewers > dashboards.Count)
        {
            dashboards.AddRange(await Browser.OpenAsync(executive, DashboardUrl, viewers - dashboards.Count, dashboards.Count));
        }
        else if (viewers < dashboards.Count)
        {
            await Browser.CloseAsync(dashboards.Skip(viewers).ToList());
            dashboards.RemoveRange(viewers, dashboards.Count - viewers);
        }

        await diagnostics.WaitForCircuitsAsync(viewers);
        if (options.Background)
        {
            await Task.WhenAll(dashboards.Skip(1).Select(page => page.EvaluateAsync(TabVisibilityScript.Set, "hidden")));
        }

        var (median, quiet) = await MeasureAsync(server, viewers, GateChangeAsync, firstStep);
        return (viewers, median, quiet);
    }

    // One change of the soonest rollout's health, timed: the server's processor seconds from the signal until every open
    // dashboard shows it (plus the tail), and how long that took.
    async Task<TimedChange> GateChangeAsync(int change)
    {
        // The health chip's text, as the web app's RolloutText names it.
        var (health, shown) = change % 2 == 0 ? (RolloutHealth.OffTrack, "Off track") : (RolloutHealth.OnTrack, "On track");
        await ChangeHealthAsync(databaseFile, soonest, health);
        // A tab in the background shows the change only when it is shown again (--background): only the first is waited for.
        var watched = options.Background ? dashboards.Take(1).ToList() : dashboards;
        await Task.WhenAll(watched.Select(page => page.EvaluateAsync(WatchHealth, new[] { soonest, shown })));
        return await TimedAsync(server, watched, diagnostics.SignalGatesChangedAsync);
    }

    // 5. Tab switches on a rollout page with P circuits open (the dashboards stay; idle lists make up the rest).
    var idle = options.OpenDuringSwitches - dashboards.Count - 1;
    var lists = idle > 0 ? await Browser.OpenAsync(trainingManager, ListUrl, idle) : [];
    var actor = (await Browser.OpenAsync(trainingManager, RolloutUrl, 1))[0];
    var open = await diagnostics.WaitForCircuitsAsync(dashboards.Count + lists.Count + 1);
    string[] tabs = ["Phases", "Gates", "Risks and issues", "Vendors", "Costs", "History", "Overview"];
    var switches = new List<double>();
    for (var i = 0; i < options.Switches; i++)
    {
        switches.Add(await actor.EvaluateAsync<double>(TabSwitch, tabs[i % tabs.Length]));
        await Task.Delay(200);
    }

    var (p50, p95) = (Percentile(switches, 0.50), Percentile(switches, 0.95));
    Console.WriteLine($"Tab switch with {open.Circuits} circuits open: p50 {p50:0} ms, p95 {p95:0} ms over {switches.Count} switches (first visits of each tab included)");

    // 6. The yardstick: the same measurement on a bare Blazor page (one number, no database, the product's transport
    //    settings), so that what a further dashboard costs can be read against what any Blazor Server page costs. The
    //    product's pages are closed first; the bare page runs as a process of its own and only its time is counted.
    await Browser.CloseAsync([.. dashboards, .. lists, actor]);
    var bare = new List<(int Viewers, double Milliseconds)>();
    await using (var barePage = await ServerProcess.StartBarePageAsync(BarePageApp(), Console.Out))
    {
        var visitor = await browser.ContextAsync(barePage.Address);
        var barePages = new List<IPage>();
        using var signal = new HttpClient { BaseAddress = barePage.Address };
        var figure = 0;
        foreach (var viewers in new[] { fewest, most }.Distinct())
        {
            barePages.AddRange(await Browser.OpenAsync(visitor, _ => "/", viewers - barePages.Count, interactive: BarePageInteractive));
            bare.Add((viewers, (await MeasureAsync(barePage, viewers, FigureChangeAsync, firstStep: bare.Count == 0, "bare Blazor page")).Milliseconds));
        }

        // Only this program raises the page's number, by one each change: every open page is armed for the next value.
        async Task<TimedChange> FigureChangeAsync(int change)
        {
            var next = ++figure;
            await Task.WhenAll(barePages.Select(page => page.EvaluateAsync(WatchFigure, next.ToString(CultureInfo.InvariantCulture))));
            return await TimedAsync(barePage, barePages, async () => (await signal.PostAsync("changed", null)).EnsureSuccessStatusCode());
        }
    }

    // 7. The figures as docs/performance.md records them, and the summary line.
    PrintEndAndMemoryTable();

    Console.WriteLine();
    Console.WriteLine("| Open dashboards (V) | server processor ms per gate change | without a change (ms/s) |");
    Console.WriteLine("|---:|---:|---:|");
    foreach (var (viewers, milliseconds, quietMilliseconds) in costs)
    {
        Console.WriteLine($"| {viewers} | {milliseconds:0.0} | {quietMilliseconds:0.0} |");
    }

    Console.WriteLine();
    // The ratio and what each further viewer adds, per pass (one without --repeat); the summary takes their medians.
    var ratios = passes.Select(p => p.Many / Math.Max(p.Few, 0.1)).ToList();
    var perViewers = passes.Select(p => PerFurtherViewer(p.Few, p.Many)).ToList();
    var (ratio, perViewer) = (Median(ratios), Median(perViewers));
    if (passes.Count > 1)
    {
        Console.WriteLine($"{passes.Count} passes of V = {fewest} and {most}: "
            + string.Join("; ", passes.Select((p, i) => $"{p.Few:0.0} and {p.Many:0.0} ms, ratio {ratios[i]:0.00}, per further viewer {perViewers[i]:0.00} ms")));
    }

    // The bare page's per further viewer, by the same method (it runs V = fewest and most, once each).
    var barePerViewer = PerFurtherViewer(bare[0].Milliseconds, bare[^1].Milliseconds);
    Console.WriteLine($"A bare Blazor page: {string.Join(", ", bare.Select(b => $"V = {b.Viewers} {b.Milliseconds:0.0} ms"))} per change");
    Console.WriteLine($"capacity: KB per circuit (list/rollout/dashboard) {memory[0].HeapKb:0}/{memory[1].HeapKb:0}/{memory[2].HeapKb:0}; dashboard cost ratio V{most}/V{fewest} {ratio:0.00}"
        + (passes.Count > 1 ? $" (median of {passes.Count} passes)" : "")
        + (options.Background ? " (all dashboards but one in background tabs: not the target's measure)" : "")
        + $"; per further viewer {perViewer:0.00} ms (a bare Blazor page: {barePerViewer:0.00} ms)");
    return 0;

    // What each viewer beyond the fewest adds to a change, from the costs with the fewest and the most viewers.
    double PerFurtherViewer(double fewMilliseconds, double manyMilliseconds) => (manyMilliseconds - fewMilliseconds) / Math.Max(most - fewest, 1);

    // A step with V pages open: a pause, unmeasured changes, then C timed ones: each change's processor time less that of
    // an equal window right after it without a change (the server's background work falls in either at random: the median
    // of the differences), and where the time went by kind of thread (medians per kind; they need not add up to the total's).
    async Task<(double Milliseconds, double QuietMilliseconds)> MeasureAsync(
        ServerProcess measured, int viewers, Func<int, Task<TimedChange>> timedChange, bool firstStep, string? what = null)
    {
        await Task.Delay(2000);

        // The tiered compiler recompiles a method twice (instrumented, then optimized), each after about thirty calls:
        // eighty changes before the first step (with forty, the single viewer's step still paid for compilations), and a
        // few before each further step for the new viewers' first renders.
        for (var change = 0; change < (firstStep ? WarmUpChanges : 3); change++)
        {
            await timedChange(change);
        }

        var perChange = new List<double>();
        var quietRates = new List<double>();
        var byKind = new Dictionary<string, List<double>>();
        for (var change = 0; change < options.Changes; change++)
        {
            var changed = await timedChange(change);
            var quiet = measured.ThreadTimesNow();
            await Task.Delay(changed.Window);
            var after = measured.ThreadTimesNow();
            var without = after.SecondsSince(quiet);
            perChange.Add((changed.Seconds - without) * 1000);
            quietRates.Add(without / changed.Window.TotalSeconds * 1000);
            var withoutByKind = after.SecondsByKindSince(quiet);
            foreach (var (kind, seconds) in changed.ByKind)
            {
                if (!byKind.TryGetValue(kind, out var differences))
                {
                    byKind[kind] = differences = [];
                }

                differences.Add((seconds - withoutByKind.GetValueOrDefault(kind)) * 1000);
            }
        }

        var median = Median(perChange);
        var label = what is null ? $"V = {viewers}" : $"{what}, V = {viewers}";
        Console.WriteLine($"{label}: {median:0.0} ms of server processor time per change (median of {options.Changes}; "
            + $"as much time without a change: {Median(quietRates):0.0} ms/s; each: {string.Join(' ', perChange.Select(c => c.ToString("0")))})");
        Console.WriteLine($"{label}: by kind of thread, ms per change (medians): "
            + string.Join(", ", byKind.Select(k => (k.Key, Ms: Median(k.Value))).Where(k => Math.Abs(k.Ms) >= 0.05)
                .OrderByDescending(k => k.Ms).Select(k => $"{k.Key} {k.Ms:0.00}")));
        return (median, Median(quietRates));
    }

    // Times one change from its signal until every watched page shows it (window.elrShown), plus the tail for the
    // browsers' acknowledgements: the measured server's processor time, in all and by kind of thread, and how long it took.
    async Task<TimedChange> TimedAsync(ServerProcess measured, IEnumerable<IPage> watched, Func<Task> signal)
    {
        var watch = Stopwatch.StartNew();
        var before = measured.ThreadTimesNow();
        await signal();
        await Task.WhenAll(watched.Select(page => page.EvaluateAsync("() => window.elrShown")));
        await Task.Delay(AcknowledgementTail);
        var after = measured.ThreadTimesNow();
        return new TimedChange(after.SecondsSince(before), after.SecondsByKindSince(before), watch.Elapsed);
    }

    // The run's end (load, duration) and the memory table, as docs/performance.md records them, for both profiles.
    void PrintEndAndMemoryTable()
    {
        Console.WriteLine();
        Console.WriteLine($"Load average at the end {LoadAverage()}; {total.Elapsed.TotalMinutes:0.0} minutes in all");
        Console.WriteLine();
        Console.WriteLine("| Idle circuit | managed heap (KB) | working set (KB) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (screen, heap, workingSet) in memory)
        {
            Console.WriteLine($"| {screen} | {heap:0} | {workingSet:0} |");
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

// The bare page this program was built with, published next to it (bare-page/).
static string BarePageApp()
{
    var app = Path.Combine(AppContext.BaseDirectory, "bare-page", "ElearningRollout.LoadTests.BarePage.dll");
    return File.Exists(app) ? app : throw new FileNotFoundException("Build this program in Release: it publishes the bare page next to it.", app);
}

// The web app this program was built with, as its build published it (the csproj's PublishTheAppUnderTest): app/.
static string ThisBuildsApp()
{
    var app = Path.Combine(AppContext.BaseDirectory, "app", "ElearningRollout.Web.dll");
    return File.Exists(app) ? app : throw new FileNotFoundException("Build this program in Release (dotnet build -c Release publishes the web app next to it), or pass --app.", app);
}

// Straight to the file (WAL: the app reads on meanwhile), as a save on another instance would leave it.
static async Task ChangeHealthAsync(string databaseFile, string code, RolloutHealth health)
{
    await using var db = new ElearningRollout.Application.Persistence.ElearningRolloutDbContext(
        new DbContextOptionsBuilder<ElearningRollout.Application.Persistence.ElearningRolloutDbContext>().UseSqlite($"Data Source={databaseFile}").Options);
    await db.Rollouts.Where(r => r.Code == code).ExecuteUpdateAsync(set => set.SetProperty(r => r.Health, health));
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static double Percentile(List<double> values, double fraction)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

/// <summary>One timed change: the measured server's processor seconds, the same by kind of thread, and the window's length.</summary>
internal sealed record TimedChange(double Seconds, Dictionary<string, double> ByKind, TimeSpan Window);

/// <summary>
/// Part of the program: clicks a tab in the page and resolves with the milliseconds until it is the selected tab and no
/// progress bar shows (the tab's figures are on screen), measured in the browser from the click.
/// </summary>
internal static partial class Program
{
    // After the last viewer shows the change: its browser's acknowledgement of the render reaching the server.
    private static readonly TimeSpan AcknowledgementTail = TimeSpan.FromMilliseconds(300);

    private const int WarmUpChanges = 80;

    // Arms window.elrShown: resolves once the portfolio row of rollout [code] shows health [name] (at once if it does).
    private const string WatchHealth =
        """
        ([code, name]) => {
            const shows = () => [...document.querySelectorAll('td[data-label=Rollout] a')]
                .find(a => a.textContent === code)?.closest('tr')?.querySelector('td[data-label=Health]')?.textContent.trim() === name;
            window.elrShown = new Promise((resolve, reject) => {
                if (shows()) { resolve(true); return; }
                const observer = new MutationObserver(() => {
                    if (shows()) { observer.disconnect(); clearTimeout(timer); resolve(true); }
                });
                const timer = setTimeout(() => { observer.disconnect(); reject(new Error(code + ' did not show ' + name + ' in 60 s')); }, 60000);
                observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            });
        }
        """;

    // The bare page has rendered interactively: it stamps its number after its first interactive render.
    private const string BarePageInteractive = "() => document.querySelector('#figure[data-interactive]') !== null";

    // Arms window.elrShown on the bare page: resolves once its number reads [value].
    private const string WatchFigure =
        """
        value => {
            const figure = document.getElementById('figure');
            window.elrShown = new Promise((resolve, reject) => {
                if (figure.textContent === value) { resolve(true); return; }
                const observer = new MutationObserver(() => {
                    if (figure.textContent === value) { observer.disconnect(); clearTimeout(timer); resolve(true); }
                });
                const timer = setTimeout(() => { observer.disconnect(); reject(new Error('The bare page did not show ' + value + ' in 60 s')); }, 60000);
                observer.observe(figure, { childList: true, subtree: true, characterData: true });
            });
        }
        """;

    private const string TabSwitch =
        """
        async name => {
            const tab = [...document.querySelectorAll('[role=tab]')].find(t => t.textContent.trim().startsWith(name));
            if (!tab) throw new Error('No tab ' + name);
            const done = () => tab.getAttribute('aria-selected') === 'true'
                && ![...document.querySelectorAll('[role=progressbar]')].some(p => p.offsetParent !== null);
            const start = performance.now();
            return await new Promise((resolve, reject) => {
                const observer = new MutationObserver(() => {
                    if (done()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); }
                });
                const timer = setTimeout(() => { observer.disconnect(); reject(new Error('Tab ' + name + ' did not open in 60 s')); }, 60000);
                observer.observe(document.body, { attributes: true, childList: true, subtree: true, characterData: true });
                tab.click();
            });
        }
        """;
}
