using System.Net;
using System.Net.Http.Headers;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Application.Persistence;
using ElearningRollout.TestIdentityProvider;
using ElearningRollout.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Idp = ElearningRollout.TestIdentityProvider.TestIdentityProvider;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>
/// The real app with OAuth client-credentials access tokens on (Authentication:Api:Authority, :Audience, :Clients), and a
/// real OpenIddict provider on a loopback port issuing them. One client is mapped to the training manager's account.
/// </summary>
public sealed class OAuthApiFixture : IAsyncLifetime
{
    public Idp Provider { get; private set; } = default!;

    public ProductAppFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await Idp.StartAsync();
        App = new ProductAppFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Authentication:Api:Authority"] = Provider.Authority.ToString(),
                ["Authentication:Api:Audience"] = Idp.ApiAudience,
                [$"Authentication:Api:Clients:{Idp.ScriptClientId}:Account"] = DemoLogins.Training,
                [$"Authentication:Api:Clients:{Idp.ScriptClientId}:Scope"] = nameof(ApiTokenScope.ReadWrite),
            },
        };
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Issue 16: OAuth client-credentials access tokens from the organisation's provider, over HTTP against the real app.
/// A mapped client acts as exactly its account; an unmapped client, a token for another audience, an expired one and
/// one whose signature does not verify are each a 401 problem and an audited refusal.
/// </summary>
public sealed class ApiOAuthHttpTests(OAuthApiFixture fixture) : IClassFixture<OAuthApiFixture>
{
    private ProductAppFactory App => fixture.App;

    private Idp Provider => fixture.Provider;

    [Fact]
    public async Task A_mapped_client_acts_as_exactly_its_account()
    {
        Provider.Misbehaviour = Misbehaviour.None;
        var accessToken = await Provider.ClientCredentialsTokenAsync(Idp.ScriptClientId);
        // What the provider issued: a JWT for the API's audience naming the client (the product reads client_id).
        var issued = new JsonWebToken(accessToken);
        Assert.Contains(Idp.ApiAudience, issued.Audiences);
        Assert.Equal(Idp.ScriptClientId, issued.GetPayloadValue<string>("client_id"));
        using var client = Bearer(accessToken);

        var list = await client.GetAsync("/api/v1/rollouts?pageSize=5");
        Assert.True(list.StatusCode == HttpStatusCode.OK, await list.Content.ReadAsStringAsync());

        // The training manager's rights (ReadWrite mapped): creating a rollout is allowed, and it is theirs in the trail.
        var owner = await ApiClient.UserIdAsync(App, DemoLogins.Training);
        var created = await client.PostAsync("/api/v1/rollouts", ApiClient.Json(ApiClient.RolloutDraft("Created by an OAuth client", owner)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var code = (string)(await ApiClient.BodyAsync(created))["code"]!;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
            var rolloutId = await db.Rollouts.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
            var creation = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == rolloutId.ToString()).OrderBy(a => a.Id).FirstAsync();
            Assert.Equal(owner, creation.UserId);
        }

        // ...and no more than theirs: the audit log is the administrators' (403, not 401: the token itself is good).
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);

        // The token is worth nothing on the app's pages.
        var page = await client.GetAsync("/rollouts");
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_client_the_settings_do_not_map_is_401_and_audited()
    {
        Provider.Misbehaviour = Misbehaviour.None;
        using var client = Bearer(await Provider.ClientCredentialsTokenAsync(Idp.UnmappedClientId));

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts"), HttpStatusCode.Unauthorized);

        Assert.Contains(await RefusalsAsync(Idp.UnmappedClientId), r => r.Contains("client not mapped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Misbehaviour.WrongAudience, "access token for another audience")]
    [InlineData(Misbehaviour.Expired, "expired access token")]
    [InlineData(Misbehaviour.BadSignature, "access token signature does not verify")]
    public async Task A_spoiled_access_token_of_a_mapped_client_is_401_and_audited(Misbehaviour misbehaviour, string reason)
    {
        string accessToken;
        Provider.Misbehaviour = misbehaviour;
        try
        {
            accessToken = await Provider.ClientCredentialsTokenAsync(Idp.ScriptClientId);
        }
        finally
        {
            Provider.Misbehaviour = Misbehaviour.None;
        }

        var before = (await RefusalsAsync(Idp.ScriptClientId)).Count(r => r.Contains(reason, StringComparison.Ordinal));
        using var client = Bearer(accessToken);

        var response = await client.GetAsync("/api/v1/rollouts");

        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, (await RefusalsAsync(Idp.ScriptClientId)).Count(r => r.Contains(reason, StringComparison.Ordinal)));
        // The refusal names the reason and the address, never the token.
        Assert.DoesNotContain(await RefusalsAsync(Idp.ScriptClientId), r => r.Contains(accessToken[..40], StringComparison.Ordinal));
    }

    private HttpClient Bearer(string accessToken)
    {
        var client = ApiClient.Client(App, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<List<string>> RefusalsAsync(string clientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ApiTokenAuthentication.RefusedAction && a.EntityId == $"oauth:{clientId}")
            .Select(a => a.After ?? "").ToListAsync();
    }
}
