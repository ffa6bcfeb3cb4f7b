using System.Text.Json.Nodes;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Notifications;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Tests.Shared.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Webhooks;

/// <summary>
/// <c>certification.expiring</c>: the lease-guarded notification pass announces a vendor certification that lapses within
/// a threshold of Integrations:CertificationExpiringDays to the IT leads and through the webhook outbox, once per
/// certification, expiry date and threshold however often the pass runs; the real sender delivers it to a real receiver.
/// </summary>
public sealed class CertificationExpiringTests : DatabaseTest
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private DateOnly Today => DateOnly.FromDateTime(Database.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task An_expiring_certification_is_raised_once_and_only_once_per_threshold()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        var vendorId = await VendorWithCertificationAsync("Lumen Learning Labs", CertificationKind.Soc2TypeII, Today.AddDays(40));

        // 40 days ahead: outside the 30-day threshold, nothing yet.
        await PassAsync();
        Assert.Equal(0, await MessagesAsync());

        // Ten days later it is inside: raised, and passes that run again the same day or the next raise nothing more.
        Database.Clock.Advance(TimeSpan.FromDays(10));
        await PassAsync();
        await PassAsync();
        Database.Clock.Advance(TimeSpan.FromDays(1));
        await PassAsync();
        Assert.Equal(1, await MessagesAsync());
        await Database.Services.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);

        var delivery = Assert.Single(receiver.Received);
        var payload = JsonNode.Parse(delivery.Body)!;
        Assert.Equal(WebhookEvents.CertificationExpiring, (string?)payload["type"]);
        var data = payload["data"]!;
        Assert.Equal("Lumen Learning Labs", (string?)data["vendor"]!["name"]);
        Assert.Equal(vendorId.ToString(), (string?)data["vendor"]!["id"]);
        Assert.Equal(nameof(CertificationKind.Soc2TypeII), (string?)data["certification"]!["kind"]);
        Assert.Equal(Today.AddDays(29).ToString("yyyy-MM-dd"), (string?)data["certification"]!["expiresOn"]);
        Assert.Equal((30, 30), ((int)data["daysLeft"]!, (int)data["thresholdDays"]!));
        Assert.Equal($"http://localhost:5080/vendors/{vendorId}", (string?)data["link"]);

        // Each IT lead was told once (in the app and by e-mail), under one key per lead.
        await using var db = await Database.CreateDbContextAsync();
        var notices = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.CertificationExpiring).ToListAsync();
        var itLeads = new[] { (await Database.PlayAsync(Accounts.ItLead)).UserId, (await Database.PlayAsync(Accounts.ItLead2)).UserId };
        Assert.Equal(itLeads.Order(), notices.Select(n => n.UserId).Order());
    }

    [Fact]
    public async Task Each_configured_threshold_is_raised_once_and_a_renewal_starts_over()
    {
        Database.Services.GetRequiredService<IOptionsMonitor<IntegrationOptions>>().CurrentValue.CertificationExpiringDays = "30, 7, not-a-number";
        await using var receiver = await WebhookReceiver.StartAsync();
        await EndpointAsync(receiver.Url);
        var vendorId = await VendorWithCertificationAsync("Orbit Compliance", CertificationKind.Iso27001, Today.AddDays(20));

        // Inside 30 days at the first pass: the 30-day threshold, once.
        await PassAsync();
        await PassAsync();
        Assert.Equal([30], await ThresholdsRaisedAsync());

        // At 7 days: the 7-day threshold, once.
        Database.Clock.Advance(TimeSpan.FromDays(13));
        await PassAsync();
        Database.Clock.Advance(TimeSpan.FromDays(1));
        await PassAsync();
        Assert.Equal([30, 7], await ThresholdsRaisedAsync());

        // Renewed for a year: a new expiry date, far off, so nothing is raised for it yet.
        await Database.PlayAsync(Accounts.ItLead);
        var vendors = Database.Get<VendorQueries>();
        await Database.Get<VendorCommands>().RecordCertificationAsync(vendorId, CertificationKind.Iso27001, Today.AddDays(365), (await vendors.GetAsync(vendorId))!.Version);
        await PassAsync();
        Assert.Equal([30, 7], await ThresholdsRaisedAsync());
    }

    private async Task PassAsync() => Assert.True(await Database.Services.GetRequiredService<NotificationPass>().RunAsync(Lease, CancellationToken.None));

    private async Task<int> MessagesAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.WebhookMessages.CountAsync(m => m.EventType == WebhookEvents.CertificationExpiring);
    }

    private async Task<List<int>> ThresholdsRaisedAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        var payloads = await db.WebhookMessages.AsNoTracking().Where(m => m.EventType == WebhookEvents.CertificationExpiring).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => (int)JsonNode.Parse(p)!["data"]!["thresholdDays"]!).ToList();
    }

    private async Task EndpointAsync(string url)
    {
        await Database.PlayAsync(Accounts.Admin);
        await Database.Get<WebhookCommands>().CreateAsync(new WebhookEndpointDraft
        {
            Name = "Compliance desk",
            Url = url,
            Flavour = WebhookFlavour.Standard,
            Events = [WebhookEvents.CertificationExpiring],
        });
    }

    private async Task<Guid> VendorWithCertificationAsync(string name, CertificationKind kind, DateOnly expiresOn)
    {
        await Database.PlayAsync(Accounts.ItLead);
        var id = await Database.Get<VendorCommands>().RegisterAsync(new VendorDraft { Name = name });
        await Database.Get<VendorCommands>().RecordCertificationAsync(id, kind, expiresOn, (await Database.Get<VendorQueries>().GetAsync(id))!.Version);
        return id;
    }
}
