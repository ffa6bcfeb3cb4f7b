using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Tests.Shared;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>/api/v1/rollouts over HTTP against the real app: the screens' permission matrix, paging, validation and concurrency.</summary>
public sealed class ApiRolloutHttpTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private ProductAppFactory App => fixture.App;

    [Theory]
    [InlineData(DemoLogins.Training)]
    [InlineData(DemoLogins.Training2)]
    [InlineData(DemoLogins.ItLead)]
    [InlineData(DemoLogins.Executive)]
    [InlineData(DemoLogins.Admin)]
    public async Task Everyone_signed_in_reads_rollouts_vendors_and_the_dashboard(string email)
    {
        using var client = await ApiClient.ForAsync(App, email, ApiTokenScope.Read);

        var list = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/rollouts?pageSize=5"));
        var code = (string)list["items"]![0]!["code"]!;
        var one = await client.GetAsync($"/api/v1/rollouts/{code}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.NotNull(one.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/rollouts/{code}/gates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/rollouts/{code}/engagements")).StatusCode);
        var vendors = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/vendors"));
        Assert.True((int)vendors["totalCount"]! > 0);
        var vendorId = (string)vendors["items"]![0]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/vendors/{vendorId}")).StatusCode);
        var dashboard = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/dashboard"));
        Assert.True((int)dashboard["activeRollouts"]! > 0);
    }

    [Theory]
    [InlineData(DemoLogins.Training, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.ItLead, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Executive, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Admin, HttpStatusCode.OK)]
    public async Task Only_administrators_read_the_audit_log(string email, HttpStatusCode expected)
    {
        using var client = await ApiClient.ForAsync(App, email, ApiTokenScope.Read);

        var response = await client.GetAsync("/api/v1/audit?pageSize=10&entityType=ApiToken");

        if (expected == HttpStatusCode.OK)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var page = await ApiClient.BodyAsync(response);
            Assert.All(page["items"]!.AsArray(), row => Assert.Equal("ApiToken", (string)row!["entityType"]!));
            Assert.Contains(page["items"]!.AsArray(), row => (string)row!["action"]! == ApiTokenAuthentication.CreatedAction);
        }
        else
        {
            await ApiClient.ProblemAsync(response, expected);
        }
    }

    [Theory]
    [InlineData(DemoLogins.Training, HttpStatusCode.Created)]
    [InlineData(DemoLogins.Training2, HttpStatusCode.Created)]
    [InlineData(DemoLogins.Admin, HttpStatusCode.Created)]
    [InlineData(DemoLogins.ItLead, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Executive, HttpStatusCode.Forbidden)]
    public async Task Training_managers_and_administrators_create_rollouts(string email, HttpStatusCode expected)
    {
        using var client = await ApiClient.ForAsync(App, email);
        var owner = await ApiClient.UserIdAsync(App, DemoLogins.Training);

        var response = await client.PostAsync("/api/v1/rollouts", ApiClient.Json(ApiClient.RolloutDraft("API created rollout", owner)));

        if (expected == HttpStatusCode.Created)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var code = (string)(await ApiClient.BodyAsync(response))["code"]!;
            Assert.Equal($"/api/v1/rollouts/{code}", response.Headers.Location!.OriginalString);
            var created = await ApiClient.BodyAsync(await client.GetAsync($"/api/v1/rollouts/{code}"));
            Assert.Equal("API created rollout", (string)created["title"]!);
        }
        else
        {
            await ApiClient.ProblemAsync(response, expected);
        }
    }

    [Theory]
    [InlineData(DemoLogins.Training, HttpStatusCode.NoContent)]
    [InlineData(DemoLogins.Admin, HttpStatusCode.NoContent)]
    [InlineData(DemoLogins.Training2, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.ItLead, HttpStatusCode.Forbidden)]
    [InlineData(DemoLogins.Executive, HttpStatusCode.Forbidden)]
    public async Task Only_the_owner_and_administrators_change_a_rollout(string email, HttpStatusCode expected)
    {
        var code = await CreateRolloutAsync();
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var read = await owner.GetAsync($"/api/v1/rollouts/{code}");
        using var client = await ApiClient.ForAsync(App, email);

        var draft = ApiClient.RolloutDraft("Renamed over the API", await ApiClient.UserIdAsync(App, DemoLogins.Training));
        var update = await ApiClient.SendAsync(client, HttpMethod.Put, $"/api/v1/rollouts/{code}", draft, read.Headers.ETag!.ToString());
        var activate = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/lifecycle",
            new JsonObject { ["action"] = "Activate" }, (await client.GetAsync($"/api/v1/rollouts/{code}")).Headers.ETag!.ToString());

        if (expected == HttpStatusCode.NoContent)
        {
            Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, activate.StatusCode);
            var after = await ApiClient.BodyAsync(await client.GetAsync($"/api/v1/rollouts/{code}"));
            Assert.Equal("Renamed over the API", (string)after["title"]!);
            Assert.Equal("Active", (string)after["status"]!);
        }
        else
        {
            await ApiClient.ProblemAsync(update, expected);
            await ApiClient.ProblemAsync(activate, expected);
        }
    }

    [Fact]
    public async Task A_write_on_a_stale_version_is_412_naming_who_saved_first_and_without_If_Match_is_428()
    {
        var code = await CreateRolloutAsync();
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        using var admin = await ApiClient.ForAsync(App, DemoLogins.Admin);
        var ownerId = await ApiClient.UserIdAsync(App, DemoLogins.Training);
        var seen = (await owner.GetAsync($"/api/v1/rollouts/{code}")).Headers.ETag!.ToString();

        Assert.Equal(HttpStatusCode.NoContent,
            (await ApiClient.SendAsync(admin, HttpMethod.Put, $"/api/v1/rollouts/{code}", ApiClient.RolloutDraft("Administrator's title", ownerId), seen)).StatusCode);
        var stale = await ApiClient.SendAsync(owner, HttpMethod.Put, $"/api/v1/rollouts/{code}", ApiClient.RolloutDraft("Owner's title", ownerId), seen);
        var missing = await ApiClient.SendAsync(owner, HttpMethod.Put, $"/api/v1/rollouts/{code}", ApiClient.RolloutDraft("Owner's title", ownerId), null);
        var foreign = await ApiClient.SendAsync(owner, HttpMethod.Put, $"/api/v1/rollouts/{code}", ApiClient.RolloutDraft("Owner's title", ownerId), "\"not-ours\"");

        var conflict = await ApiClient.ProblemAsync(stale, HttpStatusCode.PreconditionFailed);
        Assert.Contains("Alex Admin", (string)conflict["detail"]!, StringComparison.Ordinal);
        await ApiClient.ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        await ApiClient.ProblemAsync(foreign, HttpStatusCode.PreconditionFailed);
        var stored = await ApiClient.BodyAsync(await owner.GetAsync($"/api/v1/rollouts/{code}"));
        Assert.Equal("Administrator's title", (string)stored["title"]!);
    }

    [Fact]
    public async Task A_form_that_breaks_the_rules_is_a_validation_problem_with_field_errors()
    {
        using var client = await ApiClient.ForAsync(App, DemoLogins.Training);
        var draft = ApiClient.RolloutDraft("", await ApiClient.UserIdAsync(App, DemoLogins.Training));
        draft["audiences"] = "None";
        draft["targetGoLive"] = "2000-01-01";

        var problem = await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/rollouts", ApiClient.Json(draft)), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal("Give the rollout a title.", (string)errors["title"]![0]!);
        Assert.True(errors.ContainsKey("audiences"));
        Assert.True(errors.ContainsKey("targetGoLive"));
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_on_the_server()
    {
        using var client = await ApiClient.ForAsync(App, DemoLogins.ItLead, ApiTokenScope.Read);

        var first = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/rollouts?page=1&pageSize=2&sort=Code"));
        var second = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/rollouts?page=2&pageSize=2&sort=Code"));
        var active = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/rollouts?status=Active&pageSize=100"));

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Equal(2, (int)second["page"]!);
        Assert.Equal((int)first["totalCount"]!, (int)second["totalCount"]!);
        Assert.True((int)first["totalCount"]! > 4);
        Assert.NotEqual((string)first["items"]![0]!["code"]!, (string)second["items"]![0]!["code"]!);
        Assert.True(string.CompareOrdinal((string)first["items"]![1]!["code"]!, (string)second["items"]![0]!["code"]!) < 0);
        Assert.NotEmpty(active["items"]!.AsArray());
        Assert.All(active["items"]!.AsArray(), row => Assert.Equal("Active", (string)row!["status"]!));
        var badPage = await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts?page=0&pageSize=500"), HttpStatusCode.BadRequest);
        Assert.True(badPage["errors"]!.AsObject().ContainsKey("page"));
        Assert.True(badPage["errors"]!.AsObject().ContainsKey("pageSize"));
    }

    [Fact]
    public async Task Malformed_requests_are_problems_never_500()
    {
        using var client = await ApiClient.ForAsync(App, DemoLogins.Training);
        var code = await CreateRolloutAsync();
        var etag = (await client.GetAsync($"/api/v1/rollouts/{code}")).Headers.ETag!.ToString();

        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/rollouts", ApiClient.Json("{\"title\": ")), HttpStatusCode.BadRequest);
        var wrongType = await ApiClient.ProblemAsync(
            await client.PostAsync("/api/v1/rollouts", ApiClient.Json("{\"title\": \"x\", \"estimatedLearners\": \"many\"}")), HttpStatusCode.BadRequest);
        Assert.True(wrongType["errors"]!.AsObject().ContainsKey("estimatedLearners"));
        var unknownEnum = await ApiClient.ProblemAsync(
            await client.PostAsync("/api/v1/rollouts", ApiClient.Json("{\"title\": \"x\", \"hostingModel\": \"OnTheMoon\"}")), HttpStatusCode.BadRequest);
        Assert.True(unknownEnum["errors"]!.AsObject().ContainsKey("hostingModel"));
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/rollouts", ApiClient.Json("null")), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/rollouts", ApiClient.Json("[1, 2]")), HttpStatusCode.BadRequest);
        var huge = new JsonObject { ["title"] = new string('x', 2 * 1024 * 1024) };
        await ApiClient.ProblemAsync(await client.PostAsync("/api/v1/rollouts", ApiClient.Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        await ApiClient.ProblemAsync(
            await client.PostAsync("/api/v1/rollouts", new StringContent("title=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")),
            HttpStatusCode.UnsupportedMediaType);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts/ELR-9999"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.GetAsync($"/api/v1/gates/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/gates/not-a-guid"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await client.DeleteAsync($"/api/v1/rollouts/{code}"), HttpStatusCode.MethodNotAllowed);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts?page=abc"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts?status=Sleeping"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/audit?from=yesterday"), HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(
            await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/lifecycle", new JsonObject { ["action"] = "Explode" }, etag),
            HttpStatusCode.BadRequest);
        await ApiClient.ProblemAsync(
            await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/lifecycle", new JsonObject { ["action"] = "GoLive" }, etag),
            HttpStatusCode.Conflict);
        await ApiClient.ProblemAsync(
            await ApiClient.SendAsync(client, HttpMethod.Post, "/api/v1/rollouts/ELR-9999/lifecycle", new JsonObject { ["action"] = "Activate" }, etag),
            HttpStatusCode.NotFound);
    }

    private async Task<string> CreateRolloutAsync()
    {
        using var owner = await ApiClient.ForAsync(App, DemoLogins.Training);
        var draft = ApiClient.RolloutDraft("API test rollout", await ApiClient.UserIdAsync(App, DemoLogins.Training), await ApiClient.UserIdAsync(App, DemoLogins.ItLead),
            await ApiClient.UserIdAsync(App, DemoLogins.Executive));
        var response = await owner.PostAsync("/api/v1/rollouts", ApiClient.Json(draft));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await ApiClient.BodyAsync(response))["code"]!;
    }
}
