using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.LoadTests;

/// <summary>
/// The real app as its own process (so its heap, working set and processor time are the server's alone), in Production
/// mode over the generated SQLite file. Settings a load test needs and production would not have are listed here, and in
/// docs/performance.md: unprotected Data Protection keys (no certificate on a test box), no two-factor for the
/// administrator who reads the diagnostics, a per-person circuit cap above the circuits opened, the sign-in limit raised
/// (every page signs in from one address), the capacity diagnostics switched on, and the dashboard's refresh interval
/// shortened. The bare page (<see cref="StartBarePageAsync"/>) runs the same way with none of these.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>The server's processor time (user and system) so far, read from outside: no request adds to it.</summary>
    public double ProcessorSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    /// <summary>
    /// The server's processor time now, per thread to the nanosecond where Linux keeps per-thread figures
    /// (<c>/proc/PID/task/TID/schedstat</c>; the process's own total counts in clock ticks of 10 ms, as coarse as a gate
    /// change's cost), and the process's total beside it. <see cref="ThreadTimes.SecondsSince"/> gives the time between two.
    /// </summary>
    public ThreadTimes ThreadTimesNow() => new(ThreadTimes.ReadByThread(_process.Id), ProcessorSeconds);

    /// <summary>
    /// Processor time by thread (nanoseconds, with the thread's kind: its name without its number, ".NET TP Worker",
    /// ".NET Sockets", ".NET Server GC"...; null where the per-thread figures are missing) and the process's total.
    /// </summary>
    internal sealed record ThreadTimes(Dictionary<int, (string Kind, long Ran)>? ByThread, double ProcessSeconds)
    {
        public static Dictionary<int, (string Kind, long Ran)>? ReadByThread(int processId)
        {
            var byThread = new Dictionary<int, (string Kind, long Ran)>();
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
                {
                    try
                    {
                        var ran = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0];
                        var kind = File.ReadAllText(Path.Combine(task, "comm")).Trim().TrimEnd(" #0123456789".ToCharArray());
                        byThread[int.Parse(Path.GetFileName(task))] = (kind, long.Parse(ran));
                    }
                    catch (IOException)
                    {
                        // The thread ended while being read.
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            return byThread.Count > 0 ? byThread : null;
        }

        /// <summary>
        /// The seconds spent from <paramref name="earlier"/> to these times: by thread where both have the figures (a
        /// thread that ended in between takes its share with it, rare: the thread pool retires idle threads after 20 s; a
        /// thread started in between counts from its start), otherwise from the process's totals.
        /// </summary>
        public double SecondsSince(ThreadTimes earlier) => ByThread is not null && earlier.ByThread is not null
            ? SecondsByKindSince(earlier).Values.Sum()
            : ProcessSeconds - earlier.ProcessSeconds;

        /// <summary>The same seconds by kind of thread: where the time went (empty without per-thread figures).</summary>
        public Dictionary<string, double> SecondsByKindSince(ThreadTimes earlier) => ByThread is { } now && earlier.ByThread is { } before
            ? now.GroupBy(t => t.Value.Kind)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Value.Ran - (before.TryGetValue(t.Key, out var then) ? then.Ran : 0)) / 1e9)
            : [];
    }

    public static Task<ServerProcess> StartAsync(string appDll, string databaseFile, string packages, TextWriter log) =>
        LaunchAsync(appDll, ProductSettings(databaseFile, packages), "health/ready", log);

    /// <summary>The bare Blazor page (tests/ElearningRollout.LoadTests.BarePage) in Production mode, as its own process.</summary>
    public static Task<ServerProcess> StartBarePageAsync(string appDll, TextWriter log) =>
        LaunchAsync(appDll, new() { ["Logging__LogLevel__Default"] = "Warning" }, "ready", log);

    private static Dictionary<string, string> ProductSettings(string databaseFile, string packages) => new()
    {
        ["ConnectionStrings__Sqlite"] = $"Data Source={databaseFile}",
        ["Database__MigrateOnStartup"] = "true",
        ["Storage__Packages"] = packages,
        ["DataProtection__AllowUnprotectedKeys"] = "true",
        ["Security__RequireTwoFactorForAdministrators"] = "false",
        ["Security__MaxCircuitsPerUser"] = "1000",
        ["Security__SignInAttemptsPerMinute"] = "1000",
        ["Diagnostics__CapacityEndpoints"] = "true",
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Information",
        ["Notifications__ScanSeconds"] = "3600",
        // One dashboard recomputation per 250 ms at most (1 s by default): a gate change can follow the last one's
        // figures sooner, so the cost step's warm-up and changes take less time. A change costs the same either way.
        ["Dashboard__RefreshMilliseconds"] = "250",
    };

    // Both run in Production mode, with their own settings besides.
    private static async Task<ServerProcess> LaunchAsync(string appDll, Dictionary<string, string> settings, string readyPath, TextWriter log)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["DOTNET_ENVIRONMENT"] = "Production";
        var port = LoopbackPort.Free();
        var address = new Uri($"http://localhost:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, address);
        process.OutputDataReceived += (_, e) => Forward(log, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app stopped at start-up (exit code {process.ExitCode}); its output is above.");
            }

            try
            {
                if ((await http.GetAsync(readyPath)).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(500);
        }

        await server.DisposeAsync();
        throw new TimeoutException("The app was not ready within 3 minutes.");
    }

    // Only the app's warnings and errors (and its start) reach the console; request logs would drown the figures.
    private static void Forward(TextWriter log, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            log.WriteLine($"  [app] {line}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
