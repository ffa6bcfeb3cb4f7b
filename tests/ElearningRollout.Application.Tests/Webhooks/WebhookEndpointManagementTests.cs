using System.Net;
using System.Security.Cryptography;
using System.Text;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Tests.Shared.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Webhooks;

/// <summary>
/// Issue 16 follow-up: the address guard against server-side request forgery (at save and at send), and administrators
/// changing, re-keying and deleting endpoints; a Teams address kept as the credential it is.
/// </summary>
public sealed class WebhookEndpointManagementTests : DatabaseTest
{
    private WebhookSender Sender => Database.Services.GetRequiredService<WebhookSender>();

    private WebhookCommands Commands => Database.Get<WebhookCommands>();

    /// <summary>The tests' database allows loopback for its receivers; these tests take that back where they need to.</summary>
    private IntegrationOptions Settings => Database.Services.GetRequiredService<IOptionsMonitor<IntegrationOptions>>().CurrentValue;

    [Theory]
    [InlineData("https://127.0.0.1/hooks", "loopback")]
    [InlineData("https://localhost:8443/hooks", "loopback")]
    [InlineData("https://10.20.30.40/hooks", "private network")]
    [InlineData("https://172.16.0.1/hooks", "private network")]
    [InlineData("https://192.168.1.10/hooks", "private network")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("https://[::1]/hooks", "loopback")]
    [InlineData("https://[fd12:3456::1]/hooks", "private network")]
    [InlineData("https://[fe80::1]/hooks", "link-local")]
    [InlineData("https://0.0.0.0/hooks", "unspecified")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "private network")]
    public async Task An_address_in_the_products_own_network_is_refused_beside_the_field_and_audited(string url, string reason)
    {
        Settings.AllowPrivateWebhookAddresses = false;
        await Database.PlayAsync(Accounts.Admin);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.CreateAsync(Draft(url)));

        Assert.Contains(reason, Assert.Single(failure.Errors[nameof(WebhookEndpointDraft.Url)]), StringComparison.Ordinal);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Empty(await db.WebhookEndpoints.ToListAsync());
        var refusal = await db.AuditEntries.SingleAsync(a => a.Action == WebhookAddressGuard.RefusedAction);
        Assert.Equal("Alex Admin", refusal.UserName);
        Assert.Contains(reason, refusal.After, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setting_lets_loopback_and_private_networks_through_but_never_link_local_or_unspecified_addresses()
    {
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("127.0.0.1"), allowPrivate: true));
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("10.1.2.3"), allowPrivate: true));
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("fd00::5"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("169.254.169.254"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("fe80::1"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("0.0.0.0"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("::"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("64:ff9b::a9fe:a9fe"), allowPrivate: true));
        Assert.NotNull(WebhookAddressGuard.Problem(IPAddress.Parse("127.0.0.1"), allowPrivate: false));

        // Public addresses pass, whatever the setting.
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("93.184.216.34"), allowPrivate: false));
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("2606:2800:220:1::1"), allowPrivate: false));
        Assert.Null(WebhookAddressGuard.Problem(IPAddress.Parse("172.32.0.1"), allowPrivate: false));
    }

    [Fact]
    public async Task At_send_time_the_sender_connects_only_to_an_address_it_checked_so_a_host_now_resolving_to_loopback_gets_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var byName = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var (endpointId, _) = await EndpointAsync(byName);
        await CreateRolloutAsync();

        // Saved while the setting allowed it; now it does not, as if the name had been pointed at the server since.
        Settings.AllowPrivateWebhookAddresses = false;
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Empty(receiver.Received);
        var message = await SingleMessageAsync();
        Assert.Equal(WebhookMessageStatus.Pending, message.Status);
        Assert.Null(message.LastResponseCode);
        Assert.Contains("loopback", message.LastResponseExcerpt, StringComparison.Ordinal);
        await using (var db = await Database.CreateDbContextAsync())
        {
            var refusal = await db.AuditEntries.SingleAsync(a => a.Action == WebhookAddressGuard.RefusedAction);
            Assert.Equal((endpointId.ToString(), "System"), (refusal.EntityId, refusal.UserName));
        }

        // Allowed again (the retry after the back-off), the same message goes out.
        Settings.AllowPrivateWebhookAddresses = true;
        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task An_administrator_changes_name_events_and_address_and_a_second_editor_is_told_who_saved_first()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await EndpointAsync("https://203.0.113.12/old");
        var seen = await RowAsync(id);

        await Commands.UpdateAsync(id, new WebhookEndpointChange { Name = "ServiceNow production", Url = receiver.Url, Events = [WebhookEvents.RolloutCreated] }, seen.Version);

        // A second administrator still has the version before that save.
        var stale = new WebhookEndpointChange { Name = "Their name", Url = "https://203.0.113.13/theirs", Events = [WebhookEvents.GateDecided] };
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.UpdateAsync(id, stale, seen.Version));
        Assert.StartsWith("Alex Admin changed this webhook endpoint", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Their name", stale.Name);

        var row = await RowAsync(id);
        Assert.Equal(("ServiceNow production", receiver.Url), (row.Name, row.Url));
        Assert.Equal([WebhookEvents.RolloutCreated], row.Events);
        await CreateRolloutAsync();
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);
        await using var db = await Database.CreateDbContextAsync();
        var changed = await db.AuditEntries.SingleAsync(a => a.Action == "WebhookEndpointChanged");
        Assert.Contains("https://203.0.113.12/old", changed.Before, StringComparison.Ordinal);
        Assert.Contains("ServiceNow production", changed.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_to_a_refused_address_or_to_no_address_is_refused_beside_the_field_and_nothing_changes()
    {
        var (id, _) = await EndpointAsync("https://203.0.113.14/elearning");
        var seen = await RowAsync(id);
        Settings.AllowPrivateWebhookAddresses = false;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.UpdateAsync(
            id, new WebhookEndpointChange { Name = "Renamed", Url = "https://169.254.169.254/latest", Events = [WebhookEvents.RolloutCreated] }, seen.Version));
        Assert.Contains("link-local", refused.Errors[nameof(WebhookEndpointChange.Url)][0], StringComparison.Ordinal);
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => Commands.UpdateAsync(
            id, new WebhookEndpointChange { Name = "Renamed", Url = " ", Events = [WebhookEvents.RolloutCreated] }, seen.Version));
        Assert.True(empty.Errors.ContainsKey(nameof(WebhookEndpointChange.Url)));

        Assert.Equal((seen.Name, seen.Url, seen.Version), ((await RowAsync(id)).Name, (await RowAsync(id)).Url, (await RowAsync(id)).Version));
        await using var db = await Database.CreateDbContextAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == WebhookAddressGuard.RefusedAction));
    }

    [Fact]
    public async Task Rekeying_returns_a_new_secret_once_and_the_old_one_stops_signing_at_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, oldSecret) = await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();

        var seen = (await RowAsync(id)).Version;
        var rekeyed = await Commands.RekeyAsync(id, seen);
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.NotEqual(oldSecret, rekeyed.Secret);
        var delivery = Assert.Single(receiver.Received);
        Assert.True(SignatureHolds(rekeyed.Secret, delivery));
        Assert.False(SignatureHolds(oldSecret, delivery));
        await using var db = await Database.CreateDbContextAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "WebhookEndpointRekeyed" && a.EntityId == id.ToString()));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(), after => after.Contains(rekeyed.Secret, StringComparison.Ordinal));

        // A second administrator re-keying from the page as it was is told; the first new secret stays.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.RekeyAsync(id, seen));
    }

    [Fact]
    public async Task Deleting_an_endpoint_stops_its_pending_messages_removes_its_log_and_is_audited()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 500);
        var (id, _) = await EndpointAsync(receiver.Url);
        await CreateRolloutAsync();
        await Sender.DeliverDueAsync(CancellationToken.None);
        Assert.Single(receiver.Received);

        await Commands.DeleteAsync(id);
        Database.Clock.Advance(TimeSpan.FromHours(1));
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Single(receiver.Received);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Empty(await db.WebhookEndpoints.ToListAsync());
        Assert.Empty(await db.WebhookMessages.ToListAsync());
        var deleted = await db.AuditEntries.SingleAsync(a => a.Action == "WebhookEndpointDeleted");
        Assert.Contains("\"PendingMessagesDropped\":1", deleted.After, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => Commands.DeleteAsync(id));
    }

    [Fact]
    public async Task A_Teams_address_is_stored_protected_shown_masked_everywhere_and_kept_when_an_edit_leaves_it_empty()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var teamsUrl = receiver.Url + "/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers&sig=TopSecretSignature";
        var (id, _) = await EndpointAsync(teamsUrl, WebhookFlavour.Teams);

        var row = await RowAsync(id);
        Assert.True(row.UrlIsSecret);
        Assert.Equal(new Uri(receiver.Url).GetLeftPart(UriPartial.Authority) + "/hooks/…", row.Url);
        var change = WebhookEndpointChange.From(row);
        Assert.Equal("", change.Url);
        change.Name = "Teams: rollout channel";
        await Commands.UpdateAsync(id, change, row.Version);
        await CreateRolloutAsync();
        await Sender.DeliverDueAsync(CancellationToken.None);

        Assert.Equal("/hooks/elearning/triggers/manual/paths/invoke", Assert.Single(receiver.Received).Path);
        await using var db = await Database.CreateDbContextAsync();
        var stored = await db.WebhookEndpoints.SingleAsync();
        Assert.DoesNotContain("TopSecretSignature", stored.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecretSignature", stored.ProtectedUrl, StringComparison.Ordinal);
        Assert.Equal(teamsUrl, Database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ElearningRollout.Webhooks.EndpointUrl.v1").Unprotect(stored.ProtectedUrl!));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync(), audit => audit.Contains("TopSecretSignature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Teams_address_saved_before_addresses_were_protected_is_protected_at_the_next_start()
    {
        const string teamsUrl = "https://prod-42.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=OldSecretSignature";
        await using (var db = await Database.CreateDbContextAsync())
        {
            db.WebhookEndpoints.Add(new WebhookEndpoint
            {
                Id = Guid.NewGuid(), Name = "Old Teams", Url = teamsUrl, Flavour = WebhookFlavour.Teams, Events = WebhookEvents.RolloutCreated,
                ProtectedSecret = "x", CreatedAt = Database.Clock.GetUtcNow(), CreatedBy = "Alex Admin",
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Sender.ProtectSecretAddressesAsync(CancellationToken.None));
        Assert.Equal(0, await Sender.ProtectSecretAddressesAsync(CancellationToken.None));

        await using var check = await Database.CreateDbContextAsync();
        var stored = await check.WebhookEndpoints.SingleAsync();
        Assert.Equal("https://prod-42.westeurope.logic.azure.com/workflows/…", stored.Url);
        Assert.Equal(teamsUrl, Database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("ElearningRollout.Webhooks.EndpointUrl.v1").Unprotect(stored.ProtectedUrl!));
    }

    private static WebhookEndpointDraft Draft(string url, WebhookFlavour flavour = WebhookFlavour.Standard) => new()
    {
        Name = "Receiver",
        Url = url,
        Flavour = flavour,
        Events = [WebhookEvents.RolloutCreated],
    };

    private async Task<(Guid Id, string Secret)> EndpointAsync(string url, WebhookFlavour flavour = WebhookFlavour.Standard)
    {
        await Database.PlayAsync(Accounts.Admin);
        var created = await Commands.CreateAsync(Draft(url, flavour));
        return (created.Id, created.Secret);
    }

    private async Task<WebhookEndpointRow> RowAsync(Guid id)
    {
        await Database.PlayAsync(Accounts.Admin);
        return (await Database.Get<WebhookQueries>().ListEndpointsAsync()).Single(e => e.Id == id);
    }

    private async Task CreateRolloutAsync()
    {
        await Database.PlayAsync(Accounts.Training);
        await Database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout("Dealer certification academy"));
        await Database.PlayAsync(Accounts.Admin);
    }

    private async Task<WebhookMessage> SingleMessageAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.WebhookMessages.AsNoTracking().SingleAsync();
    }

    /// <summary>What a receiver does, from the Standard Webhooks specification.</summary>
    private static bool SignatureHolds(string secret, ReceivedWebhook delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature!.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }
}
