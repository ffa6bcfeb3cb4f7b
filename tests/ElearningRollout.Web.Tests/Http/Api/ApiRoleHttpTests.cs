using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Application.Gates;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>
/// Each endpoint for each role, as docs/security.md's permission matrix says (owner = training@, the rollout's training
/// owner; other TM = training2@; IT lead = itlead@, its IT liaison; executive = exec@, its sponsor; admin = admin@):
/// the cost-sharing agreement and its lines (everyone reads), the phase moves (the owner and administrators only) and
/// the dashboard's paging (everyone).
/// </summary>
public sealed class ApiRoleHttpTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private ProductAppFactory App => fixture.App;

    public static TheoryData<string> Everyone => new() { DemoLogins.Training, DemoLogins.Training2, DemoLogins.ItLead, DemoLogins.Executive, DemoLogins.Admin };

    /// <summary>The rows "edit a rollout, move phases" (<c>RolloutCommands.CompleteCurrentPhaseAsync</c>, <c>SkipPhaseAsync</c>, <c>SendBackAsync</c>).</summary>
    public static TheoryData<string, HttpStatusCode> PhaseMovers => new()
    {
        { DemoLogins.Training, HttpStatusCode.NoContent },
        { DemoLogins.Training2, HttpStatusCode.Forbidden },
        { DemoLogins.ItLead, HttpStatusCode.Forbidden },
        { DemoLogins.Executive, HttpStatusCode.Forbidden },
        { DemoLogins.Admin, HttpStatusCode.NoContent },
    };

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Everyone_reads_the_agreement_and_its_lines(string email)
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var code = await CreateRolloutAsync(owner);
        await ApiClient.AsAsync(App, DemoLogins.Training, async s =>
        {
            var commands = s.GetRequiredService<CostSharingCommands>();
            var queries = s.GetRequiredService<CostSharingQueries>();
            await commands.CreateAsync(code, 24);
            return await commands.AddLineAsync(code, new CostLineDraft
            {
                Category = CostCategory.Licences,
                Description = "LMS licences, 4,000 learners",
                Amount = 12000m,
                Currency = "EUR",
                Nature = CostNature.OpEx,
                Recurrence = CostRecurrence.Yearly,
                Split = [new SplitShareDraft { Department = "Training", Percent = 60m }, new SplitShareDraft { Department = "IT", Percent = 40m }],
            }, (await queries.GetAsync(code))!.Agreement!.Version);
        });
        using var client = await ApiClient.ForAsync(App, email, Application.Identity.ApiAccess.ApiTokenScope.Read);

        var agreement = await client.GetAsync($"/api/v1/rollouts/{code}/agreement");
        var lines = await client.GetAsync($"/api/v1/rollouts/{code}/agreement/lines");

        Assert.True(agreement.StatusCode == HttpStatusCode.OK, await agreement.Content.ReadAsStringAsync());
        Assert.NotNull(agreement.Headers.ETag);
        var body = await ApiClient.BodyAsync(agreement);
        Assert.Equal("Draft", (string)body["state"]!);
        Assert.Equal(24, (int)body["termMonths"]!);
        Assert.Equal(HttpStatusCode.OK, lines.StatusCode);
        var line = Assert.Single((await ApiClient.BodyAsync(lines)).AsArray());
        Assert.Contains("LMS licences, 4,000 learners", line!.ToJsonString(), StringComparison.Ordinal);
        // A rollout without an agreement is a 404 problem, for every role alike.
        var bare = await CreateRolloutAsync(owner);
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/rollouts/{bare}/agreement"), HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(PhaseMovers))]
    public async Task Completing_the_current_phase(string email, HttpStatusCode expected)
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var code = await ActiveRolloutAsync(owner, waiveBudgetGate: true);
        using var client = await ApiClient.ForAsync(App, email);

        var response = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/phases/complete", new JsonObject(), await ETagAsync(client, code));

        await ExpectAsync(response, expected);
        Assert.Equal(expected == HttpStatusCode.NoContent ? "Assessment" : "Initiation", await CurrentPhaseAsync(owner, code));
    }

    [Theory]
    [MemberData(nameof(PhaseMovers))]
    public async Task Skipping_a_phase(string email, HttpStatusCode expected)
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var code = await ActiveRolloutAsync(owner, waiveBudgetGate: false);
        using var client = await ApiClient.ForAsync(App, email);

        var response = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/phases/skip",
            new JsonObject { ["phase"] = "Evaluation", ["reason"] = "Measured by HR instead" }, await ETagAsync(client, code));

        await ExpectAsync(response, expected);
        var rollout = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}"));
        Assert.Equal(expected == HttpStatusCode.NoContent, rollout.ToJsonString().Contains("Measured by HR instead", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PhaseMovers))]
    public async Task Sending_back_to_an_earlier_phase(string email, HttpStatusCode expected)
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var code = await ActiveRolloutAsync(owner, waiveBudgetGate: true);
        var completed = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/rollouts/{code}/phases/complete", new JsonObject(), await ETagAsync(owner, code));
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
        using var client = await ApiClient.ForAsync(App, email);

        var response = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/phases/send-back",
            new JsonObject { ["phase"] = "Initiation", ["reason"] = "Scope changed" }, await ETagAsync(client, code));

        await ExpectAsync(response, expected);
        Assert.Equal(expected == HttpStatusCode.NoContent ? "Initiation" : "Assessment", await CurrentPhaseAsync(owner, code));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Everyone_pages_through_the_dashboards_portfolio(string email)
    {
        using var client = await ApiClient.ForAsync(App, email, Application.Identity.ApiAccess.ApiTokenScope.Read);

        var whole = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/dashboard?pageSize=100"));
        var all = Codes(whole);
        Assert.True(all.Count >= 3, "The demo portfolio has several active rollouts.");
        var paged = new List<string>();
        for (var page = 1; page <= (all.Count + 1) / 2; page++)
        {
            var rows = Codes(await ApiClient.BodyAsync(await client.GetAsync($"/api/v1/dashboard?page={page}&pageSize=2")));
            Assert.InRange(rows.Count, 1, 2);
            paged.AddRange(rows);
        }

        // The pages, one after the other, are the whole list in the same order; past the end is empty.
        Assert.Equal(all, paged);
        Assert.Empty(Codes(await ApiClient.BodyAsync(await client.GetAsync($"/api/v1/dashboard?page={all.Count + 1}&pageSize=1"))));
        var invalid = await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/dashboard?page=0&pageSize=1000"), HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize"], invalid["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToArray());
    }

    private static List<string> Codes(JsonNode dashboard) => dashboard["portfolio"]!.AsArray().Select(r => (string)r!["code"]!).ToList();

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (expected == HttpStatusCode.NoContent)
        {
            Assert.True(response.StatusCode == expected, $"Expected 204, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            await ApiClient.ProblemAsync(response, expected);
        }
    }

    private static async Task<string> ETagAsync(HttpClient client, string code) => (await client.GetAsync($"/api/v1/rollouts/{code}")).Headers.ETag!.ToString();

    private static async Task<string> CurrentPhaseAsync(HttpClient client, string code)
        => (string)(await ApiClient.BodyAsync(await client.GetAsync($"/api/v1/rollouts/{code}")))["currentPhase"]!;

    private async Task<string> CreateRolloutAsync(HttpClient owner)
    {
        var draft = ApiClient.RolloutDraft("Role matrix rollout", await ApiClient.UserIdAsync(App, DemoLogins.Training),
            await ApiClient.UserIdAsync(App, DemoLogins.ItLead), await ApiClient.UserIdAsync(App, DemoLogins.Executive));
        var response = await owner.PostAsync("/api/v1/rollouts", ApiClient.Json(draft));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ApiClient.BodyAsync(response))["code"]!;
    }

    /// <summary>
    /// A rollout of the owner's, activated over the API; with <paramref name="waiveBudgetGate"/> its sponsor has waived the
    /// budget gate at Initiation's exit (through the application, as on the gate page), so Initiation can be completed.
    /// </summary>
    private async Task<string> ActiveRolloutAsync(HttpClient owner, bool waiveBudgetGate)
    {
        var code = await CreateRolloutAsync(owner);
        if (waiveBudgetGate)
        {
            var gates = (await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}/gates"))).AsArray();
            var budgetGate = Guid.Parse((string)gates.First(g => (string)g!["kind"]! == "BudgetAgreement")!["id"]!);
            await ApiClient.AsAsync(App, DemoLogins.Executive, async s =>
            {
                var gate = (await s.GetRequiredService<GateQueries>().GetAsync(budgetGate))!;
                await s.GetRequiredService<GateCommands>().WaiveAsync(budgetGate, "Not needed for this rollout.", gate.Version);
                return true;
            });
        }

        var activated = await ApiClient.SendAsync(owner, HttpMethod.Post, $"/api/v1/rollouts/{code}/lifecycle", new JsonObject { ["action"] = "Activate" }, await ETagAsync(owner, code));
        Assert.True(activated.StatusCode == HttpStatusCode.NoContent, await activated.Content.ReadAsStringAsync());
        return code;
    }
}
