using ElearningRollout.Application.Notifications;
using ElearningRollout.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Hosting;

/// <summary>
/// Without Redis the app is one instance as before (signals in the process); with it, signals go through Redis, and
/// outside Development a Redis without password and TLS is refused unless the operator accepts it.
/// </summary>
public sealed class ClusterSharingTests
{
    // Nothing listens there: the app starts anyway and reconnects in the background (a short timeout keeps the test quick).
    private const string UnreachableRedis = "127.0.0.1:1,connectTimeout=500";

    [Fact]
    public async Task Without_Redis_live_updates_stay_in_the_process_as_for_a_single_instance()
    {
        await using var app = new ProductAppFactory();

        Assert.IsType<InProcessSignalRelay>(app.Services.GetRequiredService<ISignalRelay>());
    }

    [Fact]
    public async Task Production_refuses_a_Redis_without_password_and_TLS_and_names_the_setting_that_accepts_it()
    {
        await using var app = new ProductAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["DataProtection:AllowUnprotectedKeys"] = "true",
                ["Redis:Configuration"] = UnreachableRedis,
            },
        };

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        var message = string.Join(" | ", Chain(failure).Select(e => e.Message));
        Assert.Contains("Redis:AllowInsecure", message, StringComparison.Ordinal);
        Assert.Contains("ssl=true", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_an_insecure_Redis_accepted_starts_and_relays_signals_through_Redis()
    {
        await using var app = new ProductAppFactory
        {
            EnvironmentName = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["DataProtection:AllowUnprotectedKeys"] = "true",
                ["Redis:Configuration"] = UnreachableRedis,
                ["Redis:AllowInsecure"] = "true",
            },
        };

        var relay = app.Services.GetRequiredService<ISignalRelay>();

        Assert.IsType<ElearningRollout.Web.Hosting.Cluster.RedisSignalRelay>(relay);
        // Redis is away: the person who acted still gets their own signal, in this process.
        var heard = new List<string>();
        app.Services.GetRequiredService<NotificationSignals>().Notified += heard.Add;
        app.Services.GetRequiredService<NotificationSignals>().Raise(["user-1"]);
        Assert.Equal(["user-1"], heard);
    }

    private static IEnumerable<Exception> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure;
            if (failure is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
