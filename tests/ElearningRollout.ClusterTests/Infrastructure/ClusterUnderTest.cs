using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using netDumbster.smtp;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.ClusterTests.Infrastructure;

/// <summary>
/// The product as an organisation runs it on two machines, here on loopback ports: Debian's redis-server, two
/// instances of the real app over one SQLite file in WAL mode (SQL Server in production), HAProxy in front with the
/// documented configuration (deploy/haproxy/haproxy.cfg: sticky cookie, /health/ready checks), an SMTP server that
/// records what it receives, and Debian's headless Chromium. Started once for the collection; the processes are
/// ended afterwards.
/// </summary>
public sealed class ClusterUnderTest : IAsyncLifetime
{
    public const string StickyCookie = "ELR_INSTANCE";
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string RedisServerPath = "/usr/bin/redis-server";
    private const string HaproxyPath = "/usr/sbin/haproxy";

    /// <summary>The notification pass runs this often; its lease is short so a killed holder's mails are not late long.</summary>
    public const int ScanSeconds = 5;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"elr-cluster-{Guid.NewGuid():N}");
    private readonly List<Process> _services = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppInstance A { get; private set; } = null!;

    public AppInstance B { get; private set; } = null!;

    /// <summary>HAProxy's address: where people go.</summary>
    public Uri Address { get; private set; } = null!;

    public SimpleSmtpServer Smtp { get; private set; } = null!;

    /// <summary>The Redis both instances use, as a StackExchange.Redis configuration string.</summary>
    public string RedisConfiguration { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "elearning-rollout.db");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async Task InitializeAsync()
    {
        foreach (var tool in new[] { RedisServerPath, HaproxyPath, ChromiumPath })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} is missing: apt-get install -y redis-server haproxy chromium (.ci/run does).");
            }
        }

        Directory.CreateDirectory(_folder);
        var redisPort = LoopbackPort.Free();
        _services.Add(StartService(RedisServerPath, ["--port", $"{redisPort}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], new Dictionary<string, string>()));
        await WaitForPortAsync(redisPort, "redis-server");
        RedisConfiguration = $"127.0.0.1:{redisPort}";
        Smtp = SimpleSmtpServer.Start(LoopbackPort.Free());

        // Several processes over one SQLite file need WAL (readers and the writer do not block each other); the
        // mode is stored in the file, so it is set once, before the first instance creates the schema.
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteScalarAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabasePath};Default Timeout=60",
            ["Redis:Configuration"] = $"127.0.0.1:{redisPort}",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = $"{Smtp.Configuration.Port}",
            ["Email:UseTls"] = "false",
            ["Notifications:ScanSeconds"] = $"{ScanSeconds}",
            ["Notifications:LeaseSeconds"] = "30",
            ["Security:SignInAttemptsPerMinute"] = "1000",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_folder, "logs", "elearning-rollout-.log"),
        };

        // The first instance migrates and seeds the demo data alone; its first page creates the Data Protection key
        // both share from the database. Then the second joins.
        A = AppInstance.Start("a", LoopbackPort.Free(), settings);
        await A.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        using (var http = new HttpClient())
        {
            (await http.GetAsync(new Uri(A.Address, "Account/Login"))).EnsureSuccessStatusCode();
        }

        B = AppInstance.Start("b", LoopbackPort.Free(), settings);
        await B.WaitUntilReadyAsync(TimeSpan.FromMinutes(3));
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) })
        {
            // A first page is slow (compiling, loading the component assemblies); people arrive at warm instances.
            (await http.GetAsync(new Uri(B.Address, "Account/Login"))).EnsureSuccessStatusCode();
        }

        var proxyPort = LoopbackPort.Free();
        _services.Add(StartService(HaproxyPath, ["-db", "-f", Path.Combine(AppInstance.RepositoryRoot(), "deploy", "haproxy", "haproxy.cfg")],
            new Dictionary<string, string>
            {
                ["ELR_LISTEN"] = $"127.0.0.1:{proxyPort}",
                ["ELR_INSTANCE_A"] = $"127.0.0.1:{A.Port}",
                ["ELR_INSTANCE_B"] = $"127.0.0.1:{B.Port}",
            }));
        Address = new Uri($"http://127.0.0.1:{proxyPort}/");
        await WaitForPortAsync(proxyPort, "haproxy");

        // Two instances, Redis, HAProxy and Chromium share a two-core machine here: a person waits a little longer for a
        // page than on the single-instance end-to-end tests' 15 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context held to <paramref name="instance"/> by the load balancer's sticky cookie, as if the
    /// balancer had placed this person there.
    /// </summary>
    public async Task<IBrowserContext> NewContextOnAsync(AppInstance instance)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "en-GB",
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = StickyCookie, Value = instance.Name, Url = Address.ToString() }]);
        return context;
    }

    /// <summary>Which instance the load balancer holds this context to now.</summary>
    public static async Task<string?> InstanceOfAsync(IBrowserContext context)
        => (await context.CookiesAsync()).FirstOrDefault(c => c.Name == StickyCookie)?.Value;

    /// <summary>A scalar read from the shared database, as an operator would check it.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Default Timeout=60");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var service in _services)
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
                service.WaitForExit();
            }

            service.Dispose();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        Smtp?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a log file still closing: the temp folder is cleaned by the system
        }
    }

    private readonly Dictionary<Process, System.Collections.Concurrent.ConcurrentQueue<string>> _serviceOutput = [];

    private Process StartService(string path, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start.");
        // Keep what it prints for a failure message (and so a full pipe never stalls it).
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _serviceOutput[process] = output;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForPortAsync(int port, string what)
    {
        var service = _services[^1];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with {service.ExitCode}:\n{string.Join('\n', _serviceOutput[service])}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"{what} did not listen on {port} within a minute.");
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterUnderTest>
{
    public const string Name = "Two instances behind HAProxy";
}
