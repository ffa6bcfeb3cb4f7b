using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ElearningRollout.Application.CalendarFeeds;
using ElearningRollout.Application.Webhooks;
using ElearningRollout.Tests.Shared;
using ElearningRollout.Tests.Shared.Webhooks;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>
/// Issue 16's "Done when", as one script would run it (docs/integrations.md, "Worked example"): with personal access
/// tokens it creates a rollout, fills and submits a gate and has the IT lead decide it over /api/v1; a webhook receiver
/// (real Kestrel on loopback) gets a Standard Webhooks-signed event for each step; the people's calendar feeds show the
/// due dates the API reports.
/// </summary>
public sealed class ApiScriptHttpTests
{
    [Fact]
    public async Task A_script_with_tokens_creates_submits_and_decides_while_a_receiver_gets_signed_events_and_the_feeds_show_the_due_dates()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The background sender looks every second, so each step's event goes out while the script runs; the receiver
        // is on this machine's loopback, which webhooks reach only when the operator allows private addresses.
        await using var app = new ProductAppFactory
        {
            Settings = { ["Integrations:WebhookSendSeconds"] = "1", ["Integrations:AllowPrivateWebhookAddresses"] = "true" },
        };
        _ = app.Server;
        var endpoint = await ApiClient.AsAsync(app, DemoLogins.Admin, s => s.GetRequiredService<WebhookCommands>().CreateAsync(new WebhookEndpointDraft
        {
            // Every event a person's or a script's step raises; not the background scans' (overdue gates, expiring
            // certifications), which find the demo portfolio's overdue gates whenever their timer first fires.
            Name = "Script receiver", Url = receiver.Url,
            Events = [.. WebhookEvents.All.Except([WebhookEvents.GateOverdue, WebhookEvents.CertificationExpiring])],
        }));
        var ownerId = await ApiClient.UserIdAsync(app, DemoLogins.Training);
        var itLeadId = await ApiClient.UserIdAsync(app, DemoLogins.ItLead);
        var sponsorId = await ApiClient.UserIdAsync(app, DemoLogins.Executive);
        using var owner = await ApiClient.ForAsync(app, DemoLogins.Training);
        using var itLead = await ApiClient.ForAsync(app, DemoLogins.ItLead);

        // 1. Create the rollout.
        var created = await owner.PostAsync("/api/v1/rollouts", ApiClient.Json(ApiClient.RolloutDraft("Compliance refresher by script", ownerId, itLeadId, sponsorId)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (string)(await ApiClient.BodyAsync(created))["code"]!;
        var rollout = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}"));

        // 2. Settle the Security review's checklist and submit it with the ETag just read.
        var gates = (await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}/gates"))).AsArray();
        var gateId = (string)gates.First(g => (string)g!["kind"]! == "SecurityReview")!["id"]!;
        var gate = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/gates/{gateId}"));
        var items = gate["checklist"]!.AsArray()
            .Select(i => new JsonObject { ["itemId"] = (string)i!["id"]!, ["state"] = "Met", ["evidence"] = "Pen test report 2027-01", ["seenSetAt"] = null })
            .ToArray<JsonNode?>();
        Assert.Equal(HttpStatusCode.NoContent, (await ApiClient.SendAsync(owner, HttpMethod.Patch, $"/api/v1/gates/{gateId}/checklist", new JsonObject { ["items"] = new JsonArray(items) }, null)).StatusCode);
        var etag = (await owner.GetAsync($"/api/v1/gates/{gateId}")).Headers.ETag!.ToString();
        var submitted = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/gates/{gateId}/submit", new JsonObject(), etag);
        Assert.True(submitted.StatusCode == HttpStatusCode.NoContent, await submitted.Content.ReadAsStringAsync());
        var inReview = await ApiClient.BodyAsync(await itLead.GetAsync($"/api/v1/gates/{gateId}"));
        var gateDue = DateOnly.Parse((string)inReview["dueDate"]!, System.Globalization.CultureInfo.InvariantCulture);

        // The reviewer's feed shows the gate on its due date.
        var itLeadFeed = await FeedAsync(app, DemoLogins.ItLead);
        var gateEntry = Assert.Single(itLeadFeed.Events, e => e.Uid == $"gate-{gateId}@elearning-rollout");
        Assert.Equal(gateDue, DateOnly.FromDateTime(gateEntry.DtStart!.Value));

        // 3. The IT lead decides it with a condition for the owner.
        var conditionDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        etag = (await itLead.GetAsync($"/api/v1/gates/{gateId}")).Headers.ETag!.ToString();
        var decided = await ApiClient.SendAsync(itLead, HttpMethod.Post, $"/api/v1/gates/{gateId}/decision", new JsonObject
        {
            ["decision"] = "ApproveWithConditions",
            ["rationale"] = "Fine once exports are encrypted",
            ["conditions"] = new JsonArray(new JsonObject { ["text"] = "Encrypt the exports", ["ownerId"] = ownerId, ["dueDate"] = conditionDue.ToString("yyyy-MM-dd") }),
        }, etag);
        Assert.True(decided.StatusCode == HttpStatusCode.NoContent, await decided.Content.ReadAsStringAsync());

        // The owner's feed shows the condition's due date and the go-live the API reports.
        var ownerFeed = await FeedAsync(app, DemoLogins.Training);
        var decidedGate = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/gates/{gateId}"));
        var conditionId = (string)decidedGate["conditions"]![0]!["id"]!;
        Assert.Equal(conditionDue, DateOnly.FromDateTime(Assert.Single(ownerFeed.Events, e => e.Uid == $"condition-{conditionId}@elearning-rollout").DtStart!.Value));
        var goLive = DateOnly.Parse((string)rollout["targetGoLive"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(ownerFeed.Events, e => e.Summary!.StartsWith(code, StringComparison.Ordinal) && e.Summary.Contains("go-live", StringComparison.Ordinal)
            && DateOnly.FromDateTime(e.DtStart!.Value) == goLive);

        // The receiver got one signed event per step, each naming this rollout (and the gate).
        await receiver.WaitForAsync(3);
        var events = receiver.Received.Select(r => (Delivery: r, Payload: JsonNode.Parse(r.Body)!)).ToList();
        Assert.Equal(
            new[] { WebhookEvents.GateDecided, WebhookEvents.GateSubmitted, WebhookEvents.RolloutCreated },
            events.Select(e => (string)e.Payload["type"]!).Order(StringComparer.Ordinal).ToArray());
        foreach (var (delivery, payload) in events)
        {
            Assert.True(StandardWebhookSignatureHolds(endpoint.Secret, delivery), $"{payload["type"]}: the webhook-signature does not verify.");
            Assert.InRange(long.Parse(delivery.Timestamp!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
            Assert.Equal(delivery.Id, (string?)payload["id"]);
            Assert.Equal(code, (string?)payload["data"]!["rollout"]!["code"]);
        }

        Assert.All(events.Where(e => ((string)e.Payload["type"]!).StartsWith("gate.", StringComparison.Ordinal)),
            e => Assert.Equal(gateId, (string?)e.Payload["data"]!["gate"]!["id"]));
        Assert.Equal("ApprovedWithConditions", (string?)events.Single(e => (string)e.Payload["type"]! == WebhookEvents.GateDecided).Payload["data"]!["gate"]!["state"]);
    }

    /// <summary>A receiver's check, written from the Standard Webhooks specification: HMAC-SHA256 over "id.timestamp.body" with the secret's base64 key.</summary>
    private static bool StandardWebhookSignatureHolds(string secret, ReceivedWebhook delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
        return delivery.Signature is { } header && header.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }

    /// <summary>The person creates a feed (as on the profile page) and a calendar program reads it anonymously by its address.</summary>
    private static async Task<Calendar> FeedAsync(ProductAppFactory app, string email)
    {
        var feed = await ApiClient.AsAsync(app, email, s => s.GetRequiredService<CalendarFeedCommands>().CreateAsync());
        using var anonymous = ApiClient.Client(app, null);
        var response = await anonymous.GetAsync(new Uri(feed.Url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
