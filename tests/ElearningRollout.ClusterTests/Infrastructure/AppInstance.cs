using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ElearningRollout.ClusterTests.Infrastructure;

/// <summary>
/// One instance of the real app as its own process (<c>dotnet ElearningRollout.Web.dll</c>, as an operator runs it),
/// on a loopback port, so that the test can kill it the way a crashed server dies: no shutdown, no goodbye.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    private AppInstance(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => _process.HasExited;

    /// <summary>What the instance printed, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppInstance Start(string name, int port, IReadOnlyDictionary<string, string> settings)
    {
        var web = WebProjectFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            // The web project's own build output: its static web assets manifest points at the project's wwwroot.
            ArgumentList = { Path.Combine(web, "bin", BuildConfiguration(), "net10.0", "ElearningRollout.Web.dll") },
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var instance = new AppInstance(name, port, process);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>Waits until /health/ready answers 200, as the load balancer's check does.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Address, "health/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Instance {Name} was not ready within {timeout}:\n{Output}");
    }

    /// <summary>Kills the process at once (SIGKILL), as when a server dies.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ElearningRollout.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ElearningRollout.sln) was not found above the test's folder.");
    }

    private static string WebProjectFolder() => Path.Combine(RepositoryRoot(), "src", "ElearningRollout.Web");

    // The tests and the web project are built in the same configuration (the project reference builds it).
    private static string BuildConfiguration()
        => typeof(AppInstance).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
