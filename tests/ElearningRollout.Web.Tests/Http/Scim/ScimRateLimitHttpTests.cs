using ElearningRollout.Tests.Shared;
using static ElearningRollout.Web.Tests.Http.Scim.Scim;

namespace ElearningRollout.Web.Tests.Http.Scim;

/// <summary>SCIM requests are limited per client address (Scim:RequestsPerMinute); past it, a 429 in SCIM's error format.</summary>
public sealed class ScimRateLimitHttpTests : IAsyncLifetime
{
    private readonly ProductAppFactory _app = new() { Settings = new Dictionary<string, string?> { ["Scim:RequestsPerMinute"] = "2" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Past_the_limit_a_scim_429_and_an_oversized_body_a_413()
    {
        var scim = Client(_app, (await CreateTokenAsync(_app, "Entra")).Secret);

        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json(new string(' ', 300 * 1024) + "{}")), 413, "invalidSyntax");
        await scim.GetAsync("/scim/v2/Users?count=1");

        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users?count=1"), 429);
    }
}
