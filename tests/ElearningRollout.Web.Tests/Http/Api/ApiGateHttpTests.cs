using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>
/// /api/v1/gates over HTTP: a script fills a gate's checklist, submits it, and the IT lead's script decides it, through
/// the same GateCommands and rules as the gate page (who may act, separation of duties, conditions, concurrency).
/// </summary>
public sealed class ApiGateHttpTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private ProductAppFactory App => fixture.App;

    [Fact]
    public async Task The_owner_fills_and_submits_a_gate_and_only_the_IT_lead_decides_it_with_conditions()
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        using var itLead = await ApiClient.ForAsync(App, DemoLogins.ItLead);
        using var otherManager = await ApiClient.ForAsync(App, DemoLogins.Training2);
        var code = await CreateRolloutAsync(owner);
        var gates = (await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}/gates"))).AsArray();
        var gateId = (string)gates.First(g => (string)g!["kind"]! == "SecurityReview")!["id"]!;
        var gate = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/gates/{gateId}"));
        var items = gate["checklist"]!.AsArray()
            .Select(i => new JsonObject { ["itemId"] = (string)i!["id"]!, ["state"] = "Met", ["evidence"] = "Checked by script", ["seenSetAt"] = null })
            .ToArray<JsonNode?>();

        var notOwners = await ApiClient.SendAsync(otherManager, HttpMethod.Patch, $"/api/v1/gates/{gateId}/checklist", new JsonObject { ["items"] = new JsonArray(items.Select(i => i!.DeepClone()).ToArray()) }, null);
        var filled = await ApiClient.SendAsync(owner, HttpMethod.Patch, $"/api/v1/gates/{gateId}/checklist", new JsonObject { ["items"] = new JsonArray(items) }, null);
        var again = await ApiClient.SendAsync(owner, HttpMethod.Patch, $"/api/v1/gates/{gateId}/checklist",
            new JsonObject { ["items"] = new JsonArray(new JsonObject { ["itemId"] = (string)gate["checklist"]![0]!["id"]!, ["state"] = "Failed", ["seenSetAt"] = null }) }, null);

        await ApiClient.ProblemAsync(notOwners, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, filled.StatusCode);
        Assert.Contains("Tara Training", (string)(await ApiClient.ProblemAsync(again, HttpStatusCode.Conflict))["detail"]!, StringComparison.Ordinal);

        var seen = (await owner.GetAsync($"/api/v1/gates/{gateId}")).Headers.ETag!.ToString();
        var submitted = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/gates/{gateId}/submit", new JsonObject(), seen);
        var staleSubmit = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/gates/{gateId}/submit", new JsonObject(), seen);
        Assert.Equal(HttpStatusCode.NoContent, submitted.StatusCode);
        await ApiClient.ProblemAsync(staleSubmit, HttpStatusCode.PreconditionFailed);

        var version = (await itLead.GetAsync($"/api/v1/gates/{gateId}")).Headers.ETag!.ToString();
        var ownerId = await ApiClient.UserIdAsync(App, DemoLogins.Training);
        var byOwner = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/gates/{gateId}/decision", new JsonObject { ["decision"] = "Approve" }, version);
        var noOwner = await ApiClient.SendAsync(itLead, HttpMethod.Post, $"/api/v1/gates/{gateId}/decision", Decision(null), version);
        var decided = await ApiClient.SendAsync(itLead, HttpMethod.Post, $"/api/v1/gates/{gateId}/decision", Decision(ownerId), version);

        await ApiClient.ProblemAsync(byOwner, HttpStatusCode.Forbidden);
        var invalid = await ApiClient.ProblemAsync(noOwner, HttpStatusCode.BadRequest);
        Assert.Contains(invalid["errors"]!.AsObject(), e => e.Key.StartsWith("conditions[0]", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        var after = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/gates/{gateId}"));
        Assert.Equal("ApprovedWithConditions", (string)after["state"]!);
        Assert.Equal("Encrypt the exports", (string)after["conditions"]![0]!["text"]!);
    }

    [Theory]
    [InlineData(DemoLogins.ItLead, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Training, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Executive, HttpStatusCode.Conflict)]
    public async Task Only_an_executive_signs_off_go_live_and_only_when_the_gate_awaits_it(string email, HttpStatusCode expected)
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        using var client = await ApiClient.ForAsync(App, email);
        var code = await CreateRolloutAsync(owner);
        var gates = (await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}/gates"))).AsArray();
        var gateId = (string)gates.First(g => (string)g!["kind"]! == "GoLiveSignOff")!["id"]!;
        var version = (await client.GetAsync($"/api/v1/gates/{gateId}")).Headers.ETag!.ToString();

        var response = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/gates/{gateId}/sign-off", new JsonObject { ["rationale"] = "Ready" }, version);

        await ApiClient.ProblemAsync(response, expected);
    }

    private static JsonObject Decision(string? ownerId) => new()
    {
        ["decision"] = "ApproveWithConditions",
        ["rationale"] = "Fine once exports are encrypted",
        ["conditions"] = new JsonArray(new JsonObject
        {
            ["text"] = "Encrypt the exports",
            ["ownerId"] = ownerId,
            ["dueDate"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd"),
        }),
    };

    private async Task<string> CreateRolloutAsync(HttpClient owner)
    {
        var draft = ApiClient.RolloutDraft("Gate API rollout", await ApiClient.UserIdAsync(App, DemoLogins.Training),
            await ApiClient.UserIdAsync(App, DemoLogins.ItLead), await ApiClient.UserIdAsync(App, DemoLogins.Executive));
        var response = await owner.PostAsync("/api/v1/rollouts", ApiClient.Json(draft));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ApiClient.BodyAsync(response))["code"]!;
    }
}
