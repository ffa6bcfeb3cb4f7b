using System.Net;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ElearningRollout.Web.Tests.Http.Scim.Scim;

namespace ElearningRollout.Web.Tests.Http.Scim;

/// <summary>Issue 15, part 2: the Users requests Microsoft Entra's provisioning service sends, against the real app.</summary>
public sealed class ScimUsersHttpTests(ProductAppFactory app) : IClassFixture<ProductAppFactory>
{
    private async Task<HttpClient> EntraAsync() => Client(app, (await CreateTokenAsync(app, $"Entra {Guid.NewGuid():N}"[..20])).Secret);

    private static string NewUserName() => $"petra.{Guid.NewGuid():N}@contoso.test";

    [Fact]
    public async Task Entra_finds_nobody_creates_the_user_then_finds_and_reads_it()
    {
        var scim = await EntraAsync();
        var userName = NewUserName();

        var none = await scim.GetAsync($"/scim/v2/Users?filter=userName eq \"{userName}\"");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(MediaType, none.Content.Headers.ContentType?.MediaType);
        var empty = await BodyAsync(none);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", (string)empty["schemas"]![0]!);
        Assert.Equal(0, (int)empty["totalResults"]!);
        Assert.Equal(0, (int)empty["itemsPerPage"]!);
        Assert.Equal(1, (int)empty["startIndex"]!);
        Assert.Empty(empty["Resources"]!.AsArray());

        var created = await scim.PostAsync("/scim/v2/Users", Json(EntraUser(userName, department: "it")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await BodyAsync(created);
        var id = (string)user["id"]!;
        Assert.EndsWith($"/scim/v2/Users/{id}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(userName, (string)user["userName"]!);
        Assert.Equal("IT", (string)user[Enterprise]!["department"]!);
        Assert.True((bool)user["active"]!);

        var found = await BodyAsync(await scim.GetAsync($"/scim/v2/Users?filter=userName eq \"{userName.ToUpperInvariant()}\""));
        Assert.Equal(1, (int)found["totalResults"]!);
        Assert.Equal(id, (string)found["Resources"]![0]!["id"]!);

        var read = await BodyAsync(await scim.GetAsync($"/scim/v2/Users/{id}"));
        Assert.Equal("Petra Provisioned", (string)read["displayName"]!);
        Assert.Equal(userName, (string)read["emails"]![0]!["value"]!);
        Assert.Equal("work", (string)read["emails"]![0]!["type"]!);

        await using var db = await DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "AccountProvisioned" && a.UserName.StartsWith("SCIM token Entra")));
    }

    [Fact]
    public async Task A_taken_user_name_is_a_409_uniqueness_and_a_bad_one_a_400_invalid_value()
    {
        var scim = await EntraAsync();

        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json(EntraUser(DemoLogins.Training))), 409, "uniqueness");
        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json(EntraUser("not an address"))), 400, "invalidValue");
        var unknownDepartment = await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json(EntraUser(NewUserName(), department: "Sales"))), 400, "invalidValue");
        Assert.Contains("Sales", (string)unknownDepartment["detail"]!, StringComparison.Ordinal);
        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json("""{"userName": 42}""")), 400, "invalidValue");
    }

    [Fact]
    public async Task A_user_without_department_gets_the_default_one()
    {
        var scim = await EntraAsync();

        var id = await CreateUserAsync(scim, NewUserName(), department: null);

        Assert.Equal("Training", (string)(await BodyAsync(await scim.GetAsync($"/scim/v2/Users/{id}")))[Enterprise]!["department"]!);
    }

    [Fact]
    public async Task Malformed_json_and_unsupported_filters_are_scim_400s_and_unknown_ids_404s()
    {
        var scim = await EntraAsync();

        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json("{\"userName\": ")), 400, "invalidSyntax");
        await AssertErrorAsync(await scim.PostAsync("/scim/v2/Users", Json("[1, 2]")), 400, "invalidSyntax");
        await AssertErrorAsync(await scim.PatchAsync("/scim/v2/Users/whoever", Json("not json")), 400, "invalidSyntax");
        await AssertErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{await CreateUserAsync(scim, NewUserName())}", Json("""{"Operations": "all"}""")), 400, "invalidValue");
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users?filter=userName sw \"a\""), 400, "invalidFilter");
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users?filter=title eq \"x\""), 400, "invalidFilter");
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users?startIndex=first"), 400, "invalidValue");
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users/no-such-id"), 404);
        await AssertErrorAsync(await scim.DeleteAsync("/scim/v2/Users/no-such-id"), 404);
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Nothing"), 404);
    }

    [Fact]
    public async Task Entra_patch_shapes_change_active_name_e_mail_and_department()
    {
        var scim = await EntraAsync();
        var id = await CreateUserAsync(scim, NewUserName());
        var newMail = NewUserName();

        var deactivated = await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", "active", "False"))));
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((bool)(await BodyAsync(deactivated))["active"]!);
        Assert.True((await AccountAsync(id)).IsDisabled);

        var reactivated = await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", "active", true))));
        Assert.True((bool)(await BodyAsync(reactivated))["active"]!);

        var patched = await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(
            Op("Add", "name.givenName", "Petronella"),
            Op("Replace", "displayName", "Petronella Provisioned"),
            Op("Replace", "emails[type eq \"work\"].value", newMail),
            Op("Replace", $"{Enterprise}:department", "Leadership"),
            Op("Replace", "title", "Head of learning"))));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var account = await AccountAsync(id);
        Assert.Equal("Petronella Provisioned", account.DisplayName);
        Assert.Equal(newMail, account.Email);
        Assert.False(account.IsDisabled);
        await using (var db = await DbAsync())
        {
            Assert.Equal("Leadership", await db.Departments.Where(d => d.Id == account.DepartmentId).Select(d => d.Name).SingleAsync());
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "AccountDisabled"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "AccountEnabled"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "AccountProvisioningChanged"));
        }

        // Entra also sends operations without a path, the values in one object.
        var noPath = await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", null, new JsonObject { ["active"] = false, ["displayName"] = "P. Provisioned" }))));
        var body = await BodyAsync(noPath);
        Assert.False((bool)body["active"]!);
        Assert.Equal("P. Provisioned", (string)body["displayName"]!);

        await AssertErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", $"{Enterprise}:department", "Sales")))), 400, "invalidValue");
        await AssertErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Replace", "active", "maybe")))), 400, "invalidValue");
        await AssertErrorAsync(await scim.PatchAsync($"/scim/v2/Users/{id}", Json(PatchOf(Op("Move", "active", true)))), 400, "invalidSyntax");
    }

    [Fact]
    public async Task Put_replaces_the_account_and_delete_disables_it_without_removing_it()
    {
        var scim = await EntraAsync();
        var userName = NewUserName();
        var id = await CreateUserAsync(scim, userName);
        var replacement = EntraUser(userName, department: "Leadership");
        replacement["displayName"] = "Petra Replaced";

        var replaced = await scim.PutAsync($"/scim/v2/Users/{id}", Json(replacement));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Petra Replaced", (string)(await BodyAsync(replaced))["displayName"]!);

        var deleted = await scim.DeleteAsync($"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var afterwards = await scim.GetAsync($"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.False((bool)(await BodyAsync(afterwards))["active"]!);
        Assert.True((await AccountAsync(id)).IsDisabled);
        await AssertErrorAsync(await scim.PutAsync("/scim/v2/Users/no-such-id", Json(replacement)), 404);
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_deprovisioned()
    {
        var scim = await EntraAsync();
        var admin = await BodyAsync(await scim.GetAsync($"/scim/v2/Users?filter=userName eq \"{DemoLogins.Admin}\""));
        var adminId = (string)admin["Resources"]![0]!["id"]!;

        var refused = await AssertErrorAsync(await scim.DeleteAsync($"/scim/v2/Users/{adminId}"), 400, "invalidValue");

        Assert.Contains("last active administrator", (string)refused["detail"]!, StringComparison.Ordinal);
        Assert.False((await AccountAsync(adminId)).IsDisabled);
    }

    [Fact]
    public async Task Lists_page_by_start_index_and_count()
    {
        var scim = await EntraAsync();
        for (var i = 0; i < 3; i++)
        {
            await CreateUserAsync(scim, NewUserName());
        }

        var first = await BodyAsync(await scim.GetAsync("/scim/v2/Users?startIndex=1&count=2"));
        var second = await BodyAsync(await scim.GetAsync("/scim/v2/Users?startIndex=3&count=2"));
        var onlyTotal = await BodyAsync(await scim.GetAsync("/scim/v2/Users?count=0"));

        var total = (int)first["totalResults"]!;
        Assert.True(total >= 9, "six demo accounts and three new ones");
        Assert.Equal(2, (int)first["itemsPerPage"]!);
        Assert.Equal(3, (int)second["startIndex"]!);
        Assert.Equal(2, second["Resources"]!.AsArray().Count);
        var ids = first["Resources"]!.AsArray().Concat(second["Resources"]!.AsArray()).Select(r => (string)r!["id"]!).ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(total, (int)onlyTotal["totalResults"]!);
        Assert.Empty(onlyTotal["Resources"]!.AsArray());
    }

    [Fact]
    public async Task Discovery_endpoints_describe_the_service()
    {
        var scim = await EntraAsync();

        var config = await BodyAsync(await scim.GetAsync("/scim/v2/ServiceProviderConfig"));
        var types = await BodyAsync(await scim.GetAsync("/scim/v2/ResourceTypes"));
        var schemas = await BodyAsync(await scim.GetAsync("/scim/v2/Schemas"));

        Assert.True((bool)config["patch"]!["supported"]!);
        Assert.False((bool)config["bulk"]!["supported"]!);
        Assert.Equal("oauthbearertoken", (string)config["authenticationSchemes"]![0]!["type"]!);
        Assert.Equal(["User", "Group"], types["Resources"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Contains(Enterprise, schemas["Resources"]!.AsArray().Select(s => (string)s!["id"]!));
    }

    private async Task<ElearningRolloutDbContext> DbAsync()
        => await app.Services.GetRequiredService<IDbContextFactory<ElearningRolloutDbContext>>().CreateDbContextAsync();

    private async Task<ApplicationUser> AccountAsync(string id)
    {
        await using var db = await DbAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }
}
