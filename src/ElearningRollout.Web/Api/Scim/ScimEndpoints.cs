using System.Globalization;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Identity.Provisioning;
using ElearningRollout.Domain.Common;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// SCIM 2.0 (RFC 7643/7644) at /scim/v2 for an identity provider such as Microsoft Entra: Users (create, read, list
/// with <c>filter=userName eq "..."</c>, replace, patch, delete = disable) and Groups (the four roles; membership
/// gives the role). The rules are <see cref="AccountProvisioning"/>'s; this class only speaks the protocol, and turns
/// every refusal into SCIM's error format, so no body, however malformed, produces a 500 or an HTML page.
/// </summary>
internal static class ScimEndpoints
{
    public const string Prefix = "/scim/v2";

    public static IEndpointConventionBuilder MapScim(this IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(Prefix)
            .RequireRateLimiting(ScimHosting.RateLimitPolicy)
            .AddEndpointFilter(ScimErrors);
        ScimDiscovery.Map(scim);

        var resources = scim.MapGroup("").RequireAuthorization(ScimAuthenticationHandler.Policy);
        resources.MapGet("/Users", ListUsersAsync);
        resources.MapPost("/Users", CreateUserAsync);
        resources.MapGet("/Users/{id}", async (HttpContext http, AccountProvisioning accounts, string id)
            => ScimResults.Resource(ScimUsers.ToJson(await accounts.GetAsync(Client(http), id, http.RequestAborted), BaseUrl(http))));
        resources.MapPut("/Users/{id}", ReplaceUserAsync);
        resources.MapPatch("/Users/{id}", PatchUserAsync);
        resources.MapDelete("/Users/{id}", async (HttpContext http, AccountProvisioning accounts, string id) =>
        {
            await accounts.DisableAsync(Client(http), id, http.RequestAborted);
            return Results.NoContent();
        });

        resources.MapGet("/Groups", ListGroupsAsync);
        resources.MapPost("/Groups", (Delegate)CreateGroupAsync);
        resources.MapGet("/Groups/{id}", async (HttpContext http, AccountProvisioning accounts, string id, string? attributes, string? excludedAttributes) =>
        {
            var withMembers = ScimGroups.WantsMembers(attributes, excludedAttributes);
            var group = await accounts.GroupAsync(Client(http), id, withMembers, http.RequestAborted);
            return ScimResults.Resource(ScimGroups.ToJson(group, BaseUrl(http), withMembers));
        });
        resources.MapPut("/Groups/{id}", ReplaceGroupAsync);
        resources.MapPatch("/Groups/{id}", PatchGroupAsync);
        resources.MapDelete("/Groups/{id}", (string id) => ScimResults.Error(
            StatusCodes.Status400BadRequest, "mutability", $"The role group {id} cannot be deleted; remove its members instead."));

        // Anything else under /scim/v2 is a SCIM 404, not the app's HTML page.
        return scim.Map("/{**rest}", (string rest) => ScimResults.Error(StatusCodes.Status404NotFound, null, $"There is no SCIM resource {rest} here."));
    }

    private static async Task<IResult> ListUsersAsync(HttpContext http, AccountProvisioning accounts, string? filter, string? startIndex, string? count)
    {
        var (start, size) = Paging(startIndex, count);
        var condition = ScimJson.EqualityFilter(filter, "userName", "externalId");
        var query = condition switch
        {
            ("userName", var value) => new ProvisionedAccountFilter(UserName: value),
            ("externalId", var value) => new ProvisionedAccountFilter(ExternalId: value),
            _ => new ProvisionedAccountFilter(),
        };
        var page = await accounts.ListAsync(Client(http), query, start, size, http.RequestAborted);
        var baseUrl = BaseUrl(http);
        return ScimResults.Resource(ScimResults.List(page.Rows.Select(a => ScimUsers.ToJson(a, baseUrl)), page.TotalResults, start));
    }

    private static async Task<IResult> CreateUserAsync(HttpContext http, AccountProvisioning accounts)
    {
        var draft = ScimUsers.FromJson(await ScimJson.ReadObjectAsync(http.Request));
        var created = await accounts.CreateAsync(Client(http), draft, http.RequestAborted);
        var json = ScimUsers.ToJson(created, BaseUrl(http));
        return ScimResults.Resource(json, StatusCodes.Status201Created, $"{BaseUrl(http)}/Users/{created.Id}");
    }

    private static async Task<IResult> ReplaceUserAsync(HttpContext http, AccountProvisioning accounts, string id)
    {
        var body = await ScimJson.ReadObjectAsync(http.Request);
        var client = Client(http);
        await accounts.GetAsync(client, id, http.RequestAborted);
        var replaced = await accounts.ReplaceAsync(client, id, ScimUsers.FromJson(body), http.RequestAborted);
        return ScimResults.Resource(ScimUsers.ToJson(replaced, BaseUrl(http)));
    }

    private static async Task<IResult> PatchUserAsync(HttpContext http, AccountProvisioning accounts, string id)
    {
        var body = await ScimJson.ReadObjectAsync(http.Request);
        var client = Client(http);
        var current = await accounts.GetAsync(client, id, http.RequestAborted);
        var patched = await accounts.ReplaceAsync(client, id, ScimUsers.Patch(current, body), http.RequestAborted);
        return ScimResults.Resource(ScimUsers.ToJson(patched, BaseUrl(http)));
    }

    private static async Task<IResult> ListGroupsAsync(
        HttpContext http, AccountProvisioning accounts, string? filter, string? startIndex, string? count, string? attributes, string? excludedAttributes)
    {
        var (start, size) = Paging(startIndex, count);
        var displayName = ScimJson.EqualityFilter(filter, "displayName", "id")?.Value;
        var withMembers = ScimGroups.WantsMembers(attributes, excludedAttributes);
        var page = await accounts.GroupsAsync(Client(http), displayName, start, size, withMembers, http.RequestAborted);
        var baseUrl = BaseUrl(http);
        return ScimResults.Resource(ScimResults.List(page.Rows.Select(g => ScimGroups.ToJson(g, baseUrl, withMembers)), page.TotalResults, start));
    }

    /// <summary>Groups are the four roles: a POST naming one is a conflict with the existing group, any other name is refused.</summary>
    private static async Task<IResult> CreateGroupAsync(HttpContext http)
    {
        var body = await ScimJson.ReadObjectAsync(http.Request);
        var name = ScimJson.String(ScimJson.Get(body, "displayName"), "displayName");
        return AccountProvisioning.RoleOf(name) is { } role
            ? ScimResults.Error(StatusCodes.Status409Conflict, "uniqueness", $"The group {role} already exists; its id is {role}.")
            : ScimResults.Error(StatusCodes.Status400BadRequest, "invalidValue",
                $"Groups here are the four roles ({string.Join(", ", Roles.All)}); name the identity provider's groups after them.");
    }

    private static async Task<IResult> ReplaceGroupAsync(HttpContext http, AccountProvisioning accounts, string id)
    {
        var body = await ScimJson.ReadObjectAsync(http.Request);
        var client = Client(http);
        var group = await accounts.GroupAsync(client, id, withMembers: false, http.RequestAborted);
        ScimGroups.EnsureSameRole(group.Role, ScimJson.Get(body, "displayName"));
        await accounts.ReplaceMembersAsync(client, group.Role, ScimGroups.MemberIds(ScimJson.Get(body, "members")), http.RequestAborted);
        return ScimResults.Resource(ScimGroups.ToJson(await accounts.GroupAsync(client, group.Role, withMembers: true, http.RequestAborted), BaseUrl(http), withMembers: true));
    }

    private static async Task<IResult> PatchGroupAsync(HttpContext http, AccountProvisioning accounts, string id)
    {
        var body = await ScimJson.ReadObjectAsync(http.Request);
        var client = Client(http);
        var group = await accounts.GroupAsync(client, id, withMembers: false, http.RequestAborted);
        var (add, remove, replace) = ScimGroups.Patch(group.Role, body);
        if (replace is not null)
        {
            await accounts.ReplaceMembersAsync(client, group.Role, replace, http.RequestAborted);
        }
        else
        {
            await accounts.ChangeMembersAsync(client, group.Role, add, remove, http.RequestAborted);
        }

        return Results.NoContent();
    }

    /// <summary>RFC 7644 §3.4.2.4: startIndex is 1-based (less than 1 means 1), count is at most the page size (negative means 0).</summary>
    private static (int Start, int Count) Paging(string? startIndex, string? count)
    {
        static int Parse(string? value, int fallback, string name)
            => value is null ? fallback
                : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
                : throw new ScimProtocolException("invalidValue", $"{name} must be a whole number.");
        return (Math.Max(1, Parse(startIndex, 1, "startIndex")), Math.Clamp(Parse(count, 100, "count"), 0, AccountProvisioning.MaxPageSize));
    }

    private static ScimClient Client(HttpContext http) => ScimAuthenticationHandler.ClientOf(http);

    public static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Prefix}";

    /// <summary>Every refusal of the application and of the protocol as SCIM's error: 400 invalidValue, 409 uniqueness, 404, 400 with the protocol's scimType.</summary>
    private static async ValueTask<object?> ScimErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ScimProtocolException e)
        {
            return ScimResults.Error(e.Status, e.ScimType, e.Message);
        }
        catch (ValidationFailedException e)
        {
            return ScimResults.Error(StatusCodes.Status400BadRequest, "invalidValue", string.Join(" ", e.Errors.SelectMany(f => f.Value)));
        }
        catch (AccountTakenException e)
        {
            return ScimResults.Error(StatusCodes.Status409Conflict, "uniqueness", e.Message);
        }
        catch (NotFoundException e)
        {
            return ScimResults.Error(StatusCodes.Status404NotFound, null, e.Message);
        }
        catch (DomainException e)
        {
            return ScimResults.Error(StatusCodes.Status400BadRequest, "invalidValue", e.Message);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Only a race reaches the database's unique index (the same user name created by two requests at once):
            // the check before it said free, the index said taken.
            return ScimResults.Error(StatusCodes.Status409Conflict, "uniqueness",
                "Another request saved the same user name or account at the same moment; this request's change was not saved. Read the account and try again.");
        }
        catch (BadHttpRequestException e)
        {
            return ScimResults.Error(e.StatusCode, "invalidSyntax", "The request could not be read.");
        }
    }
}
