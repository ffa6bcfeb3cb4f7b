using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ElearningRollout.Application.Identity;
using ElearningRollout.Application.Identity.Provisioning;
using ElearningRollout.Tests.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ElearningRollout.Web.Tests.Http.Scim;

/// <summary>Talks to /scim/v2 as Entra's provisioning service does: a bearer token an administrator created, JSON in and out.</summary>
internal static class Scim
{
    public const string MediaType = "application/scim+json";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>Creates a token as admin@ through the application (as the SCIM tokens page does) and returns it.</summary>
    public static async Task<NewScimTokenView> CreateTokenAsync(ProductAppFactory app, string name, DateOnly? expiresOn = null)
        => await AsAdministratorAsync(app, s => s.GetRequiredService<ScimTokenCommands>().CreateAsync(new ScimTokenDraft { Name = name, ExpiresOn = expiresOn }));

    public static Task RevokeAsync(ProductAppFactory app, Guid tokenId)
        => AsAdministratorAsync(app, async s =>
        {
            await s.GetRequiredService<ScimTokenCommands>().RevokeAsync(tokenId);
            return true;
        });

    public static async Task<T> AsAdministratorAsync<T>(ProductAppFactory app, Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = (await users.FindByEmailAsync(DemoLogins.Admin))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(admin);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await act(scope.ServiceProvider);
    }

    public static HttpClient Client(ProductAppFactory app, string token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, MediaType);

    public static StringContent Json(JsonNode json) => Json(json.ToJsonString());

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response)
        => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A user as Entra's provisioning service posts it with the default attribute mappings.</summary>
    public static JsonObject EntraUser(string userName, string? department = "IT", string? externalId = null) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", Enterprise),
        ["externalId"] = externalId ?? Guid.NewGuid().ToString(),
        ["userName"] = userName,
        ["active"] = true,
        ["displayName"] = "Petra Provisioned",
        ["title"] = "Learning consultant",
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = userName }),
        ["name"] = new JsonObject { ["formatted"] = "Petra Provisioned", ["familyName"] = "Provisioned", ["givenName"] = "Petra" },
        ["phoneNumbers"] = new JsonArray(new JsonObject { ["type"] = "work", ["value"] = "+41 44 000 00 00" }),
        [Enterprise] = department is null ? new JsonObject { ["employeeNumber"] = "42" } : new JsonObject { ["department"] = department, ["employeeNumber"] = "42" },
    };

    public static JsonObject PatchOf(params JsonObject[] operations) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray(operations),
    };

    public static JsonObject Op(string op, string? path, JsonNode? value)
    {
        var operation = new JsonObject { ["op"] = op };
        if (path is not null)
        {
            operation["path"] = path;
        }

        if (value is not null)
        {
            operation["value"] = value;
        }

        return operation;
    }

    public static async Task<string> CreateUserAsync(HttpClient scim, string userName, string? department = "IT")
    {
        var response = await scim.PostAsync("/scim/v2/Users", Json(EntraUser(userName, department)));
        if (response.StatusCode != System.Net.HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {userName}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (string)(await BodyAsync(response))["id"]!;
    }

    /// <summary>Asserts SCIM's error format: the error schema, the status as a string, the scimType where the RFC names one.</summary>
    public static async Task<JsonObject> AssertErrorAsync(HttpResponseMessage response, int status, string? scimType = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(MediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await BodyAsync(response);
        Assert.Equal(ErrorSchema, (string)body["schemas"]![0]!);
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)body["status"]!);
        Assert.Equal(scimType, (string?)body["scimType"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        return body;
    }
}
