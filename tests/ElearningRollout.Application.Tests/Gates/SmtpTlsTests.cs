using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
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
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Gates;

/// <summary>
/// With Email:UseTls the SMTP password never goes out in clear: a relay (or a man in the middle) that leaves STARTTLS
/// out of its EHLO answer gets no AUTH and no mail, and the notification waits for the next pass.
/// </summary>
public sealed class SmtpTlsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var liaison = await _database.PlayAsync(Accounts.ItLead);
        await _database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = liaison.UserId;
        var code = await _database.Get<RolloutCommands>().CreateAsync(draft);
        var gateId = (await _database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        var gate = (await _database.Get<GateQueries>().GetAsync(gateId))!;
        await _database.Get<GateCommands>().SubmitAsync(gate.Id, null, null, gate.Version);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_relay_without_STARTTLS_never_receives_the_credentials_and_the_mail_stays_pending()
    {
        await using var relay = PlainSmtpRelay.Start();

        var sent = await Mailer(relay.Port, useTls: true).SendPendingAsync(CancellationToken.None);

        Assert.Equal(0, sent);
        Assert.Contains(relay.Commands, c => c.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(relay.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(relay.Commands, c => c.Contains("s3cret", StringComparison.Ordinal) || c.Contains(Convert.ToBase64String(Encoding.UTF8.GetBytes("\0relay-user\0s3cret")), StringComparison.Ordinal));
        Assert.Empty(relay.Messages);
        Assert.Equal(1, await PendingAsync());
    }

    [Fact]
    public async Task Without_TLS_configured_a_plain_relay_still_gets_the_mail()
    {
        await using var relay = PlainSmtpRelay.Start();

        var sent = await Mailer(relay.Port, useTls: false, userName: null).SendPendingAsync(CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Single(relay.Messages);
        Assert.Equal(0, await PendingAsync());
    }

    private async Task<int> PendingAsync()
    {
        await using var db = await _database.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.EmailedAt == null);
    }

    private NotificationMailer Mailer(int port, bool useTls, string? userName = "relay-user") => new(
        _database.Get<IDbContextFactory<ElearningRolloutDbContext>>(),
        Options.Create(new EmailOptions
        {
            Host = "127.0.0.1", Port = port, UseTls = useTls, UserName = userName, Password = "s3cret", BaseUrl = "https://rollouts.example.com",
        }),
        _database.Clock,
        NullLogger<NotificationMailer>.Instance);

    /// <summary>
    /// Just enough SMTP over loopback: EHLO answers AUTH PLAIN LOGIN but no STARTTLS, AUTH is accepted,
    /// MAIL/RCPT/DATA store the message. Records every command line received.
    /// </summary>
    private sealed class PlainSmtpRelay : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public ConcurrentQueue<string> Commands { get; } = new();

        public ConcurrentQueue<string> Messages { get; } = new();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static PlainSmtpRelay Start()
        {
            var relay = new PlainSmtpRelay();
            relay._listener.Start();
            relay._loop = relay.AcceptAsync();
            return relay;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = ServeAsync(client);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 relay.test ESMTP ready");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    Commands.Enqueue(line);
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync("250-relay.test\r\n250-8BITMIME\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 10485760\r\n");
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 relay.test");
                            break;
                        case "AUTH":
                            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var message = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                            {
                                message.AppendLine(data);
                            }

                            Messages.Enqueue(message.ToString());
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default: // MAIL, RCPT, RSET, NOOP
                            await writer.WriteLineAsync("250 2.0.0 OK");
                            break;
                    }
                }
            }
            catch (Exception failure) when (failure is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _loop;
            _stop.Dispose();
        }
    }
}
