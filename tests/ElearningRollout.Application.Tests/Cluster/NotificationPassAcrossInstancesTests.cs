using System.Net;
using System.Net.Sockets;
using ElearningRollout.Application.Cluster;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Application.Tests.Cluster;

/// <summary>
/// Several instances over one database (a real SQLite file, as in the cluster test, each "instance" with its own
/// connections and worker name) run the notification pass: each notice is mailed once, and a killed instance's
/// work is taken over once its lease ran out.
/// </summary>
public sealed class NotificationPassAcrossInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly SqliteTestDatabase _database = new();
    private SimpleSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
    }

    public async Task DisposeAsync()
    {
        _smtp.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Three_instances_running_the_pass_at_the_same_moment_mail_each_notice_exactly_once()
    {
        await AddNoticesAsync(12, "first");
        var instances = new[] { Instance("a"), Instance("b"), Instance("c") };

        var ran = await Task.WhenAll(instances.Select(i => Task.Run(() => i.RunAsync(Lease, CancellationToken.None))));
        await AddNoticesAsync(5, "second");
        var ranAgain = await Task.WhenAll(instances.Select(i => Task.Run(() => i.RunAsync(Lease, CancellationToken.None))));

        Assert.Equal(1, ran.Count(r => r));
        Assert.Equal(ran, ranAgain); // the holder keeps its lease from pass to pass
        Assert.Equal(17, _smtp.ReceivedEmail.Length);
        Assert.Equal(17, _smtp.ReceivedEmail.Select(m => m.Headers["Subject"]).Distinct().Count());
        await using var db = await _database.CreateDbContextAsync();
        Assert.Equal(0, await db.Notifications.CountAsync(n => n.EmailedAt == null));
    }

    [Fact]
    public async Task A_killed_instances_work_waits_for_its_lease_to_run_out_and_is_then_done_by_another()
    {
        await AddNoticesAsync(3, "waiting");
        // Instance A claimed the work and died before sending anything: nobody releases its lease.
        var killed = await Leases("a").TryClaimAsync(NotificationPass.LeaseName, Lease, CancellationToken.None);
        var survivor = Instance("b");

        var whileLeased = await survivor.RunAsync(Lease, CancellationToken.None);
        _database.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var afterExpiry = await survivor.RunAsync(Lease, CancellationToken.None);

        Assert.NotNull(killed);
        Assert.False(whileLeased);
        Assert.True(afterExpiry);
        Assert.Equal(3, _smtp.ReceivedEmail.Length);
    }

    [Fact]
    public async Task The_holder_renews_its_lease_on_every_pass_so_no_other_instance_takes_over_meanwhile()
    {
        var holder = Instance("a");
        var other = Instance("b");
        await holder.RunAsync(Lease, CancellationToken.None);

        _database.Clock.Advance(Lease - TimeSpan.FromSeconds(10));
        var renewed = await holder.RunAsync(Lease, CancellationToken.None);
        _database.Clock.Advance(TimeSpan.FromSeconds(20)); // past the first lease's end, within the renewed one
        var otherTries = await other.RunAsync(Lease, CancellationToken.None);

        Assert.True(renewed);
        Assert.False(otherTries);
    }

    [Fact]
    public async Task An_instance_shutting_down_cleanly_hands_the_work_over_at_once()
    {
        var leaving = Instance("a");
        var staying = Instance("b");
        await leaving.RunAsync(Lease, CancellationToken.None);

        await leaving.StopAsync(CancellationToken.None);
        await AddNoticesAsync(2, "after-handover");

        Assert.True(await staying.RunAsync(Lease, CancellationToken.None));
        Assert.Equal(2, _smtp.ReceivedEmail.Length);
    }

    [Fact]
    public async Task Sending_stops_when_the_lease_is_about_to_run_out_and_leaves_the_rest_for_the_next_holder()
    {
        await AddNoticesAsync(4, "late");

        var sent = await Mailer().SendPendingAsync(stopBy: _database.Clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Empty(_smtp.ReceivedEmail);
        await using var db = await _database.CreateDbContextAsync();
        Assert.Equal(4, await db.Notifications.CountAsync(n => n.EmailedAt == null));
    }

    private NotificationPass Instance(string name)
    {
        var factory = _database.Get<IDbContextFactory<ElearningRolloutDbContext>>();
        return new NotificationPass(Leases(name), new OverdueScanner(factory, _database.Clock, _database.Get<Microsoft.Extensions.Options.IOptionsMonitor<ElearningRollout.Application.Common.IntegrationOptions>>()), Mailer());
    }

    private WorkLeases Leases(string name)
        => new(_database.Get<IDbContextFactory<ElearningRolloutDbContext>>(), _database.Clock, new WorkerIdentity($"instance-{name}"));

    private NotificationMailer Mailer() => new(
        _database.Get<IDbContextFactory<ElearningRolloutDbContext>>(),
        Options.Create(new EmailOptions { Host = "127.0.0.1", Port = _smtp.Configuration.Port, UseTls = false, BaseUrl = "https://rollouts.example.com" }),
        _database.Clock,
        NullLogger<NotificationMailer>.Instance);

    /// <summary>Notices waiting to be mailed to the IT lead, each with its own title.</summary>
    private async Task AddNoticesAsync(int count, string batch)
    {
        var itLead = await _database.PlayAsync(Accounts.ItLead);
        await using var db = await _database.CreateDbContextAsync();
        db.Notifications.AddRange(Enumerable.Range(1, count).Select(i => new Notification
        {
            UserId = itLead.UserId,
            Kind = NotificationKind.GateSubmittedToMe,
            Title = $"Notice {batch} {i}",
            Link = "/reviews",
            CreatedAt = _database.Clock.GetUtcNow(),
        }));
        await db.SaveChangesAsync();
    }
}
