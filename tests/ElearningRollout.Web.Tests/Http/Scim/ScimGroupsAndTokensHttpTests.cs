using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Common;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ElearningRollout.Web.Tests.Http.Scim.Scim;

namespace ElearningRollout.Web.Tests.Http.Scim;

/// <summary>Issue 15, part 2: role groups, the bearer tokens, and deprovisioning taking effect on open sessions.</summary>
public sealed class ScimGroupsAndTokensHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    private async Task<HttpClient> EntraAsync() => Client(app, (await CreateTokenAsync(app, $"Entra {Guid.NewGuid():N}"[..20])).Secret);

    private static string NewUserName() => $"gus.{Guid.NewGuid():N}@contoso.test";

    [Fact]
    public async Task The_four_roles_are_the_groups_and_entra_finds_one_by_display_name()
    {
        var scim = await EntraAsync();

        var all = await BodyAsync(await scim.GetAsync("/scim/v2/Groups?excludedAttributes=members"));
        var itLeads = await BodyAsync(await scim.GetAsync("/scim/v2/Groups?filter=displayName eq \"ItLead\"&excludedAttributes=members"));
        var unknown = await BodyAsync(await scim.GetAsync("/scim/v2/Groups?filter=displayName eq \"Sales\""));

        Assert.Equal(Roles.All, all["Resources"]!.AsArray().Select(g => (string)g!["id"]!));
        Assert.Equal(1, (int)itLeads["totalResults"]!);
        Assert.Equal("ItLead", (string)itLeads["Resources"]![0]!["displayName"]!);
        Assert.Null(itLeads["Resources"]![0]!["members"]);
        Assert.Equal(0, (int)unknown["totalResults"]!);
        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Groups", Json("""{"displayName": "Sales"}""")), 400, "invalidValue");
        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Groups", Json("""{"displayName": "ItLead"}""")), 409, "uniqueness");
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Groups/Sales"), 404);
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Groups?filter=members eq \"x\""), 400, "invalidFilter");
    }

    [Fact]
    public async Task Adding_and_removing_a_member_gives_and_takes_the_role()
    {
        var scim = await EntraAsync();
        var id = await CreateUserAsync(scim, NewUserName());

        var added = await scim.PatchAsync("/scim/v2/Groups/ItLead", Json(PatchOf(Op("Add", "members", new JsonArray(new JsonObject { ["value"] = id })))));
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal([Roles.ItLead], await RolesOfAsync(id));
        var user = await BodyAsync(await scim.GetAsync($"/scim/v2/Users/{id}"));
        Assert.Equal("ItLead", (string)user["groups"]![0]!["value"]!);
        var group = await BodyAsync(await scim.GetAsync("/scim/v2/Groups/ItLead"));
        Assert.Contains(id, group["members"]!.AsArray().Select(m => (string)m!["value"]!));

        await scim.PatchAsync("/scim/v2/Groups/Executive", Json(PatchOf(Op("Add", "members", new JsonArray(new JsonObject { ["value"] = id })))));
        var removed = await scim.PatchAsync("/scim/v2/Groups/ItLead", Json(PatchOf(Op("Remove", $"members[value eq \"{id}\"]", null))));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal([Roles.Executive], await RolesOfAsync(id));

        await scim.PatchAsync("/scim/v2/Groups/Executive", Json(PatchOf(Op("Remove", "members", new JsonArray(new JsonObject { ["value"] = id })))));
        Assert.Empty(await RolesOfAsync(id));
        await using var db = await DbAsync();
        Assert.Equal(4, await db.AuditEntries.CountAsync(a => a.EntityId == id && a.Action == "RolesChanged" && a.UserName.StartsWith("SCIM token")));

        await AssertErrorAsync(await scim.PatchAsync("/scim/v2/Groups/ItLead", Json(PatchOf(Op("Add", "members", new JsonArray(new JsonObject { ["value"] = "no-such-id" }))))), 400, "invalidValue");
        await AssertErrorAsync(await scim.PatchAsync("/scim/v2/Groups/ItLead", Json(PatchOf(Op("Replace", "displayName", "Sales")))), 400, "mutability");
    }

    [Fact]
    public async Task The_last_active_administrator_stays_in_the_administrator_group()
    {
        var scim = await EntraAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var admin = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoLogins.Admin))!;

        var refused = await scim.PatchAsync("/scim/v2/Groups/Administrator", Json(PatchOf(Op("Remove", $"members[value eq \"{admin.Id}\"]", null))));

        await AssertErrorAsync(refused, 400, "invalidValue");
        Assert.Contains(Roles.Administrator, await RolesOfAsync(admin.Id));
    }

    [Fact]
    public async Task A_wrong_or_revoked_token_is_a_scim_401_and_the_refusal_is_audited()
    {
        var token = await CreateTokenAsync(app, $"Revoked {Guid.NewGuid():N}"[..20]);
        Assert.Equal(HttpStatusCode.OK, (await Client(app, token.Secret).GetAsync("/scim/v2/Users?count=1")).StatusCode);

        await AssertErrorAsync(await Client(app, token.Secret + "x").GetAsync("/scim/v2/Users"), 401);
        var anonymous = app.CreateClient();
        var missing = await anonymous.GetAsync("/scim/v2/Users");
        await AssertErrorAsync(missing, 401);
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);

        await RevokeAsync(app, token.Id);
        await AssertErrorAsync(await Client(app, token.Secret).PostAsync("/scim/v2/Users", Json(EntraUser(NewUserName()))), 401);

        await using var db = await DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ScimTokenRefused" && a.EntityId == "unknown"));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ScimTokenRefused" && a.EntityId == token.Id.ToString() && a.After!.Contains("revoked")));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ScimTokenRevoked" && a.EntityId == token.Id.ToString() && a.UserName == "Alex Admin"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(token.Secret)), "The secret is never written to the trail.");
        Assert.NotNull((await db.ScimTokens.SingleAsync(t => t.Id == token.Id)).LastUsedAt);
    }

    [Fact]
    public async Task An_expired_token_is_a_scim_401()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var timed = new ProductAppFactory { Clock = clock };
        var token = await CreateTokenAsync(timed, "Entra until tomorrow", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1));
        Assert.Equal(HttpStatusCode.OK, (await Client(timed, token.Secret).GetAsync("/scim/v2/Users?count=1")).StatusCode);

        clock.Advance(TimeSpan.FromDays(2));

        await AssertErrorAsync(await Client(timed, token.Secret).GetAsync("/scim/v2/Users?count=1"), 401);
    }

    [Fact]
    public async Task A_scim_token_is_worth_nothing_on_the_apps_pages()
    {
        var token = await CreateTokenAsync(app, $"Pages {Guid.NewGuid():N}"[..20]);

        var export = await Client(app, token.Secret).GetAsync("/dashboard/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Contains("/Account/Login", export.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_cookie_is_worth_nothing_on_scim()
    {
        var admin = await SignedInClient.SignInAsync(app, DemoLogins.Admin);

        await AssertErrorAsync(await admin.GetAsync("/scim/v2/Users"), 401);
    }

    [Fact]
    public async Task A_deprovisioned_persons_open_session_is_refused_on_its_next_request()
    {
        var scim = await EntraAsync();
        var userName = NewUserName();
        var id = await CreateUserAsync(scim, userName);
        await SetPasswordAsync(id);
        var session = await SignedInClient.SignInAsync(app, userName);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/dashboard/export.csv")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/scim/v2/Users/{id}")).StatusCode);

        var next = await session.GetAsync("/dashboard/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/Login", next.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deprovisioned_persons_open_circuit_is_refused_on_its_next_action()
    {
        var scim = await EntraAsync();
        var id = await CreateUserAsync(scim, NewUserName());
        await scim.PatchAsync("/scim/v2/Groups/TrainingManager", Json(PatchOf(Op("Add", "members", new JsonArray(new JsonObject { ["value"] = id })))));
        await using var circuit = app.Services.CreateAsyncScope();
        var users = circuit.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var principal = await circuit.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByIdAsync(id))!);
        var authentication = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var vendors = circuit.ServiceProvider.GetRequiredService<VendorCommands>();
        await vendors.RegisterAsync(new VendorDraft { Name = $"Before SCIM {Guid.NewGuid():N}"[..30] });

        var patched = await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", "active", "False"))));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);

        var refused = await Assert.ThrowsAsync<Application.Common.AccessRefusedException>(
            () => vendors.RegisterAsync(new VendorDraft { Name = $"After SCIM {Guid.NewGuid():N}"[..30] }));
        Assert.Contains("sign in", refused.Message, StringComparison.Ordinal);
        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated, "The circuit shows itself signed out.");
    }

    private async Task SetPasswordAsync(string id)
    {
        // Provisioned accounts have no password (single sign-on); the test gives one to open a session with the login form.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await users.AddPasswordAsync((await users.FindByIdAsync(id))!, DemoLogins.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<ElearningRolloutDbContext> DbAsync()
        => await app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();

    private async Task<List<string>> RolesOfAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByIdAsync(id))!)).Order()];
    }
}
