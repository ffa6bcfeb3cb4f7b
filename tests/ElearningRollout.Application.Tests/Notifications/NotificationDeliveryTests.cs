using System.Net;
using System.Net.Sockets;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Domain.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using netDumbster.smtp;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Application.Tests.Notifications;

/// <summary>Notifications reach people: live in the open app, by e-mail when configured, and for what is overdue.</summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private GateDetails _gate = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var liaison = await _database.PlayAsync(Accounts.ItLead);
        await _database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = liaison.UserId;
        var code = await _database.Get<RolloutCommands>().CreateAsync(draft);
        var gateId = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        _gate = (await _database.Get<GateQueries>().GetAsync(gateId))!;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task The_reviewers_open_app_is_signalled_the_moment_a_gate_is_submitted_to_them()
    {
        var liaisonId = (await _database.PlayAsync(Accounts.ItLead)).UserId;
        await _database.PlayAsync(Accounts.Training);
        var signalled = new List<string>();
        _database.Get<NotificationSignals>().Notified += signalled.Add;

        await _database.Get<GateCommands>().SubmitAsync(_gate.Id, null, null, _gate.Version);

        Assert.Equal([liaisonId], signalled);
    }

    [Fact]
    public async Task A_notification_is_mailed_with_its_title_and_link_when_SMTP_is_configured()
    {
        using var smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        await _database.Get<GateCommands>().SubmitAsync(_gate.Id, null, null, _gate.Version);

        var sent = await Mailer(smtp.Configuration.Port).SendPendingAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal("itlead@elearning.test", mail.ToAddresses.Single().Address);
        Assert.Contains("Security review submitted to you", mail.Headers["Subject"], StringComparison.Ordinal);
        Assert.Contains($"https://rollouts.example.com/gates/{_gate.Id}", mail.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Equal(0, await Mailer(smtp.Configuration.Port).SendPendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_dead_mail_server_neither_blocks_nor_loses_the_decision_and_the_mail_is_retried()
    {
        var port = LoopbackPort.Free();
        await _database.Get<GateCommands>().SubmitAsync(_gate.Id, null, null, _gate.Version);

        var whileDown = await Mailer(port).SendPendingAsync(CancellationToken.None);
        using var smtp = SimpleSmtpServer.Start(port);
        var onceUp = await Mailer(port).SendPendingAsync(CancellationToken.None);

        Assert.Equal(0, whileDown);
        Assert.Equal(GateState.Submitted, (await _database.Get<GateQueries>().GetAsync(_gate.Id))!.State);
        Assert.Equal(1, onceUp);
        Assert.Single(smtp.ReceivedEmail);
    }

    [Fact]
    public async Task An_overdue_gate_tells_its_reviewer_once_however_often_the_scan_runs()
    {
        await _database.Get<GateCommands>().SubmitAsync(_gate.Id, null, new DateOnly(2026, 11, 3), _gate.Version);
        var scanner = new OverdueScanner(_database.Get<IDbContextFactory<ElearningRolloutDbContext>>(), _database.Clock, _database.Get<Microsoft.Extensions.Options.IOptionsMonitor<ElearningRollout.Application.Common.IntegrationOptions>>());

        var beforeDue = await scanner.ScanAsync(CancellationToken.None);
        _database.Clock.Advance(TimeSpan.FromDays(3));
        var afterDue = await scanner.ScanAsync(CancellationToken.None);
        var again = await scanner.ScanAsync(CancellationToken.None);

        Assert.Equal((0, 1, 0), (beforeDue, afterDue, again));
        await _database.PlayAsync(Accounts.ItLead);
        var inbox = (await _database.Get<NotificationQueries>().ListAsync(false, new PageRequest())).Items;
        Assert.Contains(inbox, n => n.Kind == NotificationKind.GateOverdue && n.Title.StartsWith("Overdue since 2026-11-03", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Marking_read_counts_down_and_touches_only_ones_own()
    {
        await _database.Get<GateCommands>().SubmitAsync(_gate.Id, null, null, _gate.Version);
        await _database.PlayAsync(Accounts.ItLead);
        var center = _database.Get<NotificationQueries>();
        var marking = _database.Get<NotificationCommands>();
        var mine = (await center.ListAsync(true, new PageRequest())).Items.Single();
        await _database.PlayAsync(Accounts.ItLead2);
        await marking.MarkReadAsync(mine.Id);
        await _database.PlayAsync(Accounts.ItLead);
        var stillUnread = await center.UnreadCountAsync();

        await marking.MarkReadAsync(mine.Id);

        Assert.Equal(1, stillUnread);
        Assert.Equal(0, await center.UnreadCountAsync());
    }

    private NotificationMailer Mailer(int port) => new(
        _database.Get<IDbContextFactory<ElearningRolloutDbContext>>(),
        Options.Create(new EmailOptions { Host = "127.0.0.1", Port = port, UseTls = false, BaseUrl = "https://rollouts.example.com" }),
        _database.Clock,
        NullLogger<NotificationMailer>.Instance);
}
