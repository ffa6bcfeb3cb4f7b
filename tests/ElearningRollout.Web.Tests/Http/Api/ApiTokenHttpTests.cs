using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.ApiAccess;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ElearningRollout.Web.Tests.Http.Api;

/// <summary>Personal access tokens over HTTP: only a live token of an account in good standing is accepted, and every refusal is audited.</summary>
public sealed class ApiTokenHttpTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    private ProductAppFactory App => fixture.App;

    [Fact]
    public async Task No_token_an_unknown_one_or_a_sign_in_cookie_is_401_problem()
    {
        using var anonymous = ApiClient.Client(App, null);
        using var unknown = ApiClient.Client(App, "elr_pat_" + new string('A', 43));
        using var oversized = ApiClient.Client(App, "elr_pat_" + new string('A', 500));
        using var signedIn = await SignedInClient.SignInAsync(App, DemoLogins.Admin);

        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/api/v1/rollouts"), await unknown.GetAsync("/api/v1/rollouts"),
                     await oversized.GetAsync("/api/v1/rollouts"), await signedIn.GetAsync("/api/v1/rollouts"),
                 })
        {
            await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains(await RefusalsAsync(), r => r.Contains("unknown token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_is_401_and_its_use_is_audited()
    {
        var token = await ApiClient.CreateTokenAsync(App, DemoLogins.Training);
        using var client = ApiClient.Client(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rollouts")).StatusCode);

        await ApiClient.AsAsync(App, DemoLogins.Training, async s =>
        {
            await s.GetRequiredService<ApiTokenCommands>().RevokeAsync(token.Id);
            return true;
        });

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts"), HttpStatusCode.Unauthorized);
        Assert.Contains(await RefusalsAsync(token.Id.ToString()), r => r.Contains("revoked token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_of_a_disabled_account_is_401()
    {
        var token = await ApiClient.CreateTokenAsync(App, DemoLogins.ItLead2, ApiTokenScope.Read);
        using var client = ApiClient.Client(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rollouts")).StatusCode);

        await SetDisabledAsync(DemoLogins.ItLead2, true);
        try
        {
            await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts"), HttpStatusCode.Unauthorized);
            Assert.Contains(await RefusalsAsync(token.Id.ToString()), r => r.Contains("account disabled", StringComparison.Ordinal));
        }
        finally
        {
            await SetDisabledAsync(DemoLogins.ItLead2, false);
        }
    }

    [Fact]
    public async Task A_read_only_token_reads_but_every_write_is_403_and_audited()
    {
        var token = await ApiClient.CreateTokenAsync(App, DemoLogins.Training, ApiTokenScope.Read);
        using var client = ApiClient.Client(App, token.Secret);
        var list = await ApiClient.BodyAsync(await client.GetAsync("/api/v1/rollouts"));
        var code = (string)list["items"]![0]!["code"]!;

        var create = await client.PostAsync("/api/v1/rollouts", ApiClient.Json(ApiClient.RolloutDraft("Not allowed")));
        var move = await ApiClient.SendAsync(client, HttpMethod.Post, $"/api/v1/rollouts/{code}/lifecycle", new JsonObject { ["action"] = "PutOnHold" }, "\"x\"");

        Assert.Contains("read", (string)(await ApiClient.ProblemAsync(create, HttpStatusCode.Forbidden))["detail"]!, StringComparison.Ordinal);
        await ApiClient.ProblemAsync(move, HttpStatusCode.Forbidden);
        Assert.Contains(await RefusalsAsync(token.Id.ToString()), r => r.Contains("read-only credentials used for POST /api/v1/rollouts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_is_stored_only_hashed_its_creation_and_revocation_are_audited_and_its_last_use_recorded()
    {
        var token = await ApiClient.CreateTokenAsync(App, DemoLogins.Executive, ApiTokenScope.Read);
        using var client = ApiClient.Client(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/dashboard")).StatusCode);
        await ApiClient.AsAsync(App, DemoLogins.Executive, async s =>
        {
            await s.GetRequiredService<ApiTokenCommands>().RevokeAsync(token.Id);
            return true;
        });

        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == token.Id);
        Assert.StartsWith(ApiToken.SecretPrefix, token.Secret, StringComparison.Ordinal);
        Assert.Equal(BearerSecret.HashOf(token.Secret), stored.SecretHash);
        Assert.NotNull(stored.LastUsedAt);
        Assert.NotNull(stored.RevokedAt);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == token.Id.ToString()).ToListAsync();
        Assert.Contains(entries, a => a.Action == ApiTokenAuthentication.CreatedAction && a.UserName == "Erin Executive");
        Assert.Contains(entries, a => a.Action == ApiTokenAuthentication.RevokedAction);
        Assert.DoesNotContain(await db.AuditEntries.AsNoTracking().Select(a => a.After ?? "").ToListAsync(), after => after.Contains(token.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_persons_token_cannot_be_revoked()
    {
        var token = await ApiClient.CreateTokenAsync(App, DemoLogins.Training);

        await Assert.ThrowsAsync<Application.Common.NotFoundException>(() => ApiClient.AsAsync(App, DemoLogins.Training2, async s =>
        {
            await s.GetRequiredService<ApiTokenCommands>().RevokeAsync(token.Id);
            return true;
        }));

        using var client = ApiClient.Client(App, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rollouts")).StatusCode);
    }

    private async Task<List<string>> RefusalsAsync(string? tokenId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == ApiTokenAuthentication.RefusedAction && (tokenId == null || a.EntityId == tokenId))
            .Select(a => a.After ?? "").ToListAsync();
    }

    private async Task SetDisabledAsync(string email, bool disabled)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
    }
}

/// <summary>Tokens over time and under the two-factor rule: each needs an app of its own (a clock, a setting).</summary>
public sealed class ApiTokenLifetimeHttpTests
{
    [Fact]
    public async Task A_token_past_its_last_day_is_401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ProductAppFactory { Clock = clock };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var token = await ApiClient.CreateTokenAsync(app, DemoLogins.Training, ApiTokenScope.Read, today.AddDays(1));
        using var client = ApiClient.Client(app, token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rollouts")).StatusCode);

        clock.Advance(TimeSpan.FromDays(3));

        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/rollouts"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_administrators_token_made_without_two_factors_does_not_act_as_administrator()
    {
        await using var app = new ProductAppFactory { RequireTwoFactorForAdministrators = true };
        var token = await ApiClient.CreateTokenAsync(app, DemoLogins.Admin, ApiTokenScope.Read);
        using var client = ApiClient.Client(app, token.Secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/rollouts")).StatusCode);
        await ApiClient.ProblemAsync(await client.GetAsync("/api/v1/audit"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Requests_beyond_the_tokens_rate_limit_are_429_while_another_token_goes_on()
    {
        await using var app = new ProductAppFactory { Settings = { ["Authentication:Api:RequestsPerMinute"] = "3" } };
        using var busy = await ApiClient.ForAsync(app, DemoLogins.Training, ApiTokenScope.Read);
        using var other = await ApiClient.ForAsync(app, DemoLogins.Training, ApiTokenScope.Read);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/vendors")).StatusCode);
        }

        await ApiClient.ProblemAsync(await busy.GetAsync("/api/v1/vendors"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/vendors")).StatusCode);
    }
}
