using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Gates;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Rollouts;
using ElearningRollout.Tests.Shared.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Webhooks;

/// <summary>
/// Webhooks end to end below the web host: a real change through the use cases writes the outbox in its save, the real
/// sender posts over HTTP to a real receiver on loopback, and the receiver checks what a receiver must check.
/// </summary>
public sealed class WebhookDeliveryTests : DatabaseTest
{
    private WebhookSender Sender => Database.Services.GetRequiredService<WebhookSender>();

    [Fact]
    public async Task An_event_arrives_signed_per_Standard_Webhooks_with_a_current_timestamp_and_says_what_happened()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await EndpointAsync(receiver.Url);
        var code = await CreateRolloutAsync();

        await Sender.DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(receiver.Received);
        Assert.True(SignatureHolds(secret, delivery), "The signature is HMAC-SHA256 over id.timestamp.body with the secret's key.");
        Assert.Equal(Database.Clock.GetUtcNow().ToUnixTimeSeconds(), long.Parse(delivery.Timestamp!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(SignatureHolds(secret, delivery with { Body = delivery.Body.Replace(code, "ELR-9999", StringComparison.Ordinal) }), "A changed body must not verify.");
        Assert.False(SignatureHolds(WebhookSignature.NewSecret(), delivery), "Another secret must not verify.");
        var payload = JsonNode.Parse(delivery.Body)!;
        Assert.Equal((WebhookEvents.RolloutCreated, delivery.Id), ((string?)payload["type"], (string?)payload["id"]));
        Assert.Equal(code, (string?)payload["data"]!["rollout"]!["code"]);
        Assert.Equal("Tara Training", (string?)payload["data"]!["by"]);
        Assert.Equal($"http://localhost:5080/rollouts/{code}", (string?)payload["data"]!["link"]);
    }

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_gets_the_event_exactly_once_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 500);
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();

        for (var pass = 0; pass < 12; pass++)
        {
            await Sender.DeliverDueAsync(CancellationToken.None);
            Database.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal(4, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        var message = await SingleMessageAsync();
        Assert.Equal((WebhookMessageStatus.Delivered, 4, 200), (message.Status, message.Attempts, message.LastResponseCode));
    }

    [Fact]
    public async Task Failures_wait_twice_as_long_each_time_and_nothing_is_sent_before_the_wait_is_over()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500, 500);
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();
        var settings = new IntegrationOptions();

        await Sender.DeliverDueAsync(CancellationToken.None);
        Database.Clock.Advance(WebhookSender.RetryDelay(1, settings) - TimeSpan.FromSeconds(1));
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);
        Database.Clock.Advance(TimeSpan.FromSeconds(1));
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Equal(2, receiver.Received.Count);

        Assert.Equal(TimeSpan.FromSeconds(30), WebhookSender.RetryDelay(1, settings));
        Assert.Equal(TimeSpan.FromSeconds(60), WebhookSender.RetryDelay(2, settings));
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookSender.RetryDelay(3, settings));
        Assert.Equal(TimeSpan.FromHours(4), WebhookSender.RetryDelay(20, settings));
    }

    [Fact]
    public async Task Nothing_is_written_or_sent_for_a_change_that_was_rolled_back()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        var code = await CreateRolloutAsync();
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);

        // A status change saved inside a transaction that is then rolled back.
        await using (var db = await Database.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rollout = await RolloutStore.Whole(db).SingleAsync(r => r.Code == code);
            rollout.Activate(new DateOnly(2026, 11, 2));
            await db.SaveChangesAsync();
            Assert.Equal(2, await db.WebhookMessages.CountAsync());
            await transaction.RollbackAsync();
        }

        // A change refused for a stale version never reaches its save.
        await Database.PlayAsync(Accounts.Training);
        var stale = (await Database.Get<RolloutQueries>().GetAsync(code))!.Version;
        await Database.Get<RolloutCommands>().ChangeHealthAsync(code, RolloutHealth.AtRisk, "Vendor late.", stale);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Database.Get<RolloutCommands>().ActivateAsync(code, stale));

        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);
        await using var check = await Database.CreateDbContextAsync();
        Assert.Equal(1, await check.WebhookMessages.CountAsync());
    }

    [Fact]
    public async Task A_crashed_instances_claim_lapses_and_another_instance_delivers_the_message_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();
        var message = await SingleMessageAsync();

        // The first instance claims the message and dies before it sends.
        var crashed = NewInstance();
        Assert.NotNull(await crashed.TryClaimAsync(message.Id, CancellationToken.None));

        var survivor = NewInstance();
        Assert.Equal(0, await survivor.DeliverDueAsync(CancellationToken.None));
        Assert.Empty(receiver.Received);

        Database.Clock.Advance(new IntegrationOptions().ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await survivor.DeliverDueAsync(CancellationToken.None));
        Assert.Equal(0, await survivor.DeliverDueAsync(CancellationToken.None));
        Assert.Single(receiver.Received);
        Assert.Equal(WebhookMessageStatus.Delivered, (await SingleMessageAsync()).Status);
    }

    [Fact]
    public async Task Instances_sending_at_the_same_time_deliver_each_message_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        for (var i = 0; i < 6; i++)
        {
            await CreateRolloutAsync($"Rollout {i}");
        }

        var instances = Enumerable.Range(0, 3).Select(_ => NewInstance()).ToList();
        var attempts = await Task.WhenAll(instances.Select(i => Task.Run(() => i.DeliverDueAsync(CancellationToken.None))));

        Assert.Equal(6, attempts.Sum());
        Assert.Equal(6, receiver.Received.Count);
        Assert.Equal(6, receiver.Received.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_with_an_audit_entry_and_later_changes_write_nothing_for_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync(410);
        var (endpointId, _) = await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();

        await Sender.DeliverDueAsync(CancellationToken.None);
        await CreateRolloutAsync("Another");
        Database.Clock.Advance(TimeSpan.FromDays(1));
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Single(receiver.Received);
        await using var db = await Database.CreateDbContextAsync();
        var endpoint = await db.WebhookEndpoints.SingleAsync();
        Assert.Contains("410", endpoint.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(1, await db.WebhookMessages.CountAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "WebhookEndpointDisabled" && a.EntityId == endpointId.ToString()));
    }

    [Fact]
    public async Task A_message_still_failing_after_the_retry_window_is_given_up_and_its_endpoint_disabled()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Enumerable.Repeat(500, 100).ToArray());
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();

        for (var hour = 0; hour <= 26; hour++)
        {
            await Sender.DeliverDueAsync(CancellationToken.None);
            Database.Clock.Advance(TimeSpan.FromHours(1));
        }

        var message = await SingleMessageAsync();
        Assert.Equal((WebhookMessageStatus.Failed, receiver.Received.Count), (message.Status, message.Attempts));
        Assert.InRange(message.Attempts, 8, 30);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Contains("24 hours", (await db.WebhookEndpoints.SingleAsync()).DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_only_an_excerpt_of_the_answer_is_kept()
    {
        await using var receiver = await WebhookReceiver.StartAsync(302);
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();

        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal("/hooks/elearning", Assert.Single(receiver.Received).Path);
        var message = await SingleMessageAsync();
        Assert.Equal((WebhookMessageStatus.Pending, 302), (message.Status, message.LastResponseCode));
        Assert.Equal(WebhookMessage.MaxExcerptLength, message.LastResponseExcerpt!.Length);
    }

    [Fact]
    public async Task Gate_steps_and_the_events_an_endpoint_did_not_choose()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url, WebhookFlavour.Standard, WebhookEvents.GateSubmitted, WebhookEvents.GateDecided);
        await Database.PlayAsync(Accounts.Training);
        var draft = Drafts.Rollout();
        draft.ItLiaisonId = (await Database.PlayAsync(Accounts.ItLead)).UserId;
        await Database.PlayAsync(Accounts.Training);
        var code = await Database.Get<RolloutCommands>().CreateAsync(draft);
        var gate = await SubmitSecurityReviewAsync(code);
        await Database.PlayAsync(Accounts.ItLead);
        await Database.Get<GateCommands>().DecideAsync(gate, new GateDecisionDraft { Decision = DecisionKind.Approve }, (await Database.Get<GateQueries>().GetAsync(gate))!.Version);

        await Sender.DeliverDueAsync(CancellationToken.None);

        var events = receiver.Received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal([WebhookEvents.GateSubmitted, WebhookEvents.GateDecided], events.Select(e => (string)e["type"]!).ToArray());
        Assert.Equal(("Approved", code, "Ivan IT"), ((string?)events[1]["data"]!["gate"]!["state"], (string?)events[1]["data"]!["rollout"]!["code"], (string?)events[1]["data"]!["by"]));
        Assert.Equal($"http://localhost:5080/gates/{gate}", (string?)events[1]["data"]!["link"]);
    }

    [Fact]
    public async Task A_Teams_endpoint_gets_an_Adaptive_Card_saying_what_happened_and_who_did_it_with_a_button_back()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (_, secret) = await EndpointAsync(receiver.Url, WebhookFlavour.Teams, WebhookEvents.RolloutCreated);
        var code = await CreateRolloutAsync();

        await Sender.DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(receiver.Received);
        Assert.True(SignatureHolds(secret, delivery));
        var message = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("message", (string?)message["type"]);
        var attachment = message["attachments"]![0]!;
        Assert.Equal(TeamsCard.ContentType, (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b!["text"])?.Contains(code, StringComparison.Ordinal) == true);
        Assert.Contains(card["body"]![2]!["facts"]!.AsArray(), f => (string?)f!["title"] == "By" && (string?)f["value"] == "Tara Training");
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", $"http://localhost:5080/rollouts/{code}"), ((string?)action["type"], (string?)action["url"]));
    }

    [Fact]
    public async Task Send_again_delivers_the_same_message_once_more_and_is_audited()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();
        await Sender.DeliverDueAsync(CancellationToken.None);
        var message = await SingleMessageAsync();

        await Database.PlayAsync(Accounts.Admin);
        var row = Assert.Single(await Database.Get<WebhookQueries>().ListDeliveriesAsync(message.EndpointId));
        Assert.Equal((WebhookMessageStatus.Delivered, 1, 200, true), (row.Status, row.Attempts, row.LastResponseCode, row.MaySendAgain));
        await Database.Get<WebhookCommands>().SendAgainAsync(message.Id);
        await Sender.DeliverDueAsync(CancellationToken.None);
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(2, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        await using var db = await Database.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "WebhookMessageSentAgain"));
    }

    [Theory]
    [InlineData("http://hooks.example.com/x", false, "Use an https:// address")]
    [InlineData("https://user:pass@hooks.example.com/x", true, "Leave the user name and password out")]
    [InlineData("ftp://hooks.example.com/x", true, "Use an https:// or http:// address.")]
    [InlineData("hooks.example.com/x", true, "Enter the receiver's full address")]
    [InlineData("https://hooks.example.com/x#frag", true, "Leave the #fragment out")]
    public void Hostile_or_unsafe_addresses_are_refused_with_a_reason(string url, bool allowHttp, string reason)
        => Assert.StartsWith(reason, WebhookUrl.Problem(url, allowHttp), StringComparison.Ordinal);

    [Fact]
    public async Task The_form_refuses_credentials_in_the_address_and_no_events_beside_the_fields_and_the_secret_is_stored_protected()
    {
        await Database.PlayAsync(Accounts.Admin);
        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Database.Get<WebhookCommands>().CreateAsync(
            new WebhookEndpointDraft { Name = "ServiceNow", Url = "https://svc:secret@hooks.example.com/", Events = [] }));
        Assert.Equal([nameof(WebhookEndpointDraft.Events), nameof(WebhookEndpointDraft.Url)], failure.Errors.Keys.Order().ToArray());

        var (_, secret) = await EndpointAsync("https://hooks.example.com/elearning");
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret, StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync();
        var stored = await db.WebhookEndpoints.SingleAsync();
        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal(secret, Database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ElearningRollout.Webhooks.EndpointSecret.v1").Unprotect(stored.ProtectedSecret));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(), after => after.Contains(secret, StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "WebhookEndpointCreated"));
    }

    /// <summary>What a receiver does, written from the Standard Webhooks specification rather than with the product's code.</summary>
    private static bool SignatureHolds(string secret, ReceivedWebhook delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature!.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    private async Task<(Guid Id, string Secret)> EndpointAsync(string url, WebhookFlavour flavour = WebhookFlavour.Standard, params string[] events)
    {
        await Database.PlayAsync(Accounts.Admin);
        var created = await Database.Get<WebhookCommands>().CreateAsync(new WebhookEndpointDraft
        {
            Name = $"Receiver {Guid.NewGuid():N}"[..20],
            Url = url,
            Flavour = flavour,
            Events = events.Length == 0 ? [.. WebhookEvents.All] : [.. events],
        });
        return (created.Id, created.Secret);
    }

    private async Task<string> CreateRolloutAsync(string title = "Dealer certification academy")
    {
        await Database.PlayAsync(Accounts.Training);
        return await Database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout(title));
    }

    private async Task<Guid> SubmitSecurityReviewAsync(string code)
    {
        await Database.PlayAsync(Accounts.Training);
        var gates = Database.Get<GateQueries>();
        var id = (await Database.Get<RolloutQueries>().GetAsync(code))!.Gates.Single(g => g.Kind == GateKind.SecurityReview).Id;
        foreach (var item in (await gates.GetAsync(id))!.Checklist)
        {
            await Database.Get<GateCommands>().SetChecklistItemAsync(id, item.Id, ChecklistItemState.Met, "Filed.", (await gates.GetAsync(id))!.Version);
        }

        await Database.Get<GateCommands>().SubmitAsync(id, null, null, (await gates.GetAsync(id))!.Version);
        return id;
    }

    private async Task<WebhookMessage> SingleMessageAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.WebhookMessages.AsNoTracking().SingleAsync();
    }

    /// <summary>Another instance of the app: its own sender over the same database.</summary>
    private WebhookSender NewInstance() => new(
        Database.Services.GetRequiredService<IDbContextFactory<Application.Persistence.ElearningRolloutDbContext>>(),
        Database.Services.GetRequiredService<IHttpClientFactory>(),
        Database.Services.GetRequiredService<IDataProtectionProvider>(),
        Database.Services.GetRequiredService<IOptionsMonitor<IntegrationOptions>>(),
        Database.Clock,
        NullLogger<WebhookSender>.Instance);
}
