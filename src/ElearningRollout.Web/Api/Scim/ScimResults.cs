using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>SCIM's responses: resources and errors as application/scim+json (RFC 7644 §3.1, §3.12).</summary>
internal static class ScimResults
{
    public const string MediaType = "application/scim+json";
    public const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ListSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IResult Resource(JsonNode body, int status = StatusCodes.Status200OK, string? location = null)
        => new ScimJsonResult(body, status, location);

    /// <summary>An error: status as a string, as the RFC's examples and Entra expect; <paramref name="scimType"/> where the RFC names one.</summary>
    public static IResult Error(int status, string? scimType, string detail)
    {
        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ErrorSchema),
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["detail"] = detail,
        };
        if (scimType is not null)
        {
            body["scimType"] = scimType;
        }

        return new ScimJsonResult(body, status, null);
    }

    public static JsonObject List(IEnumerable<JsonNode> resources, int totalResults, int startIndex)
    {
        var array = new JsonArray(resources.ToArray());
        return new JsonObject
        {
            ["schemas"] = new JsonArray(ListSchema),
            ["totalResults"] = totalResults,
            ["startIndex"] = startIndex,
            ["itemsPerPage"] = array.Count,
            ["Resources"] = array,
        };
    }

    private sealed class ScimJsonResult(JsonNode body, int status, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = MediaType + "; charset=utf-8";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            await httpContext.Response.WriteAsync(body.ToJsonString(Json), httpContext.RequestAborted);
        }
    }
}

/// <summary>The request broke SCIM's protocol (RFC 7644 §3.12's scimType: invalidSyntax, invalidFilter, invalidPath, invalidValue, mutability, noTarget).</summary>
internal sealed class ScimProtocolException(string scimType, string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string ScimType { get; } = scimType;

    public int Status { get; } = status;
}
