using System.Text.Json.Nodes;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// What the service supports (RFC 7644 §4), which Entra reads before provisioning: ServiceProviderConfig,
/// ResourceTypes and Schemas. Open without a token, as the RFC allows: they describe the protocol, nobody's data.
/// </summary>
internal static class ScimDiscovery
{
    private const string ConfigSchema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private const string ResourceTypeSchema = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private const string SchemaSchema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    public static void Map(RouteGroupBuilder scim)
    {
        scim.MapGet("/ServiceProviderConfig", (HttpContext http) => ScimResults.Resource(ServiceProviderConfig(ScimEndpoints.BaseUrl(http))));
        scim.MapGet("/ResourceTypes", (HttpContext http) =>
        {
            var types = ResourceTypes(ScimEndpoints.BaseUrl(http));
            return ScimResults.Resource(ScimResults.List(types, types.Count, 1));
        });
        scim.MapGet("/ResourceTypes/{name}", (HttpContext http, string name) =>
            ResourceTypes(ScimEndpoints.BaseUrl(http)).FirstOrDefault(t => string.Equals((string?)t["id"], name, StringComparison.OrdinalIgnoreCase)) is { } type
                ? ScimResults.Resource(type)
                : ScimResults.Error(StatusCodes.Status404NotFound, null, $"There is no resource type {name}."));
        scim.MapGet("/Schemas", (HttpContext http) =>
        {
            var schemas = Schemas(ScimEndpoints.BaseUrl(http));
            return ScimResults.Resource(ScimResults.List(schemas, schemas.Count, 1));
        });
        scim.MapGet("/Schemas/{id}", (HttpContext http, string id) =>
            Schemas(ScimEndpoints.BaseUrl(http)).FirstOrDefault(s => string.Equals((string?)s["id"], id, StringComparison.OrdinalIgnoreCase)) is { } schema
                ? ScimResults.Resource(schema)
                : ScimResults.Error(StatusCodes.Status404NotFound, null, $"There is no schema {id}."));
    }

    private static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ConfigSchema),
        ["documentationUri"] = "https://datatracker.ietf.org/doc/html/rfc7644",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = Application.Identity.Provisioning.AccountProvisioning.MaxPageSize },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "Bearer token",
            ["description"] = "A SCIM token an administrator creates on the SCIM tokens page, sent as Authorization: Bearer <token>.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    private static List<JsonNode> ResourceTypes(string baseUrl) =>
    [
        new JsonObject
        {
            ["schemas"] = new JsonArray(ResourceTypeSchema),
            ["id"] = "User",
            ["name"] = "User",
            ["endpoint"] = "/Users",
            ["description"] = "An account of the product.",
            ["schema"] = ScimUsers.Schema,
            ["schemaExtensions"] = new JsonArray(new JsonObject { ["schema"] = ScimUsers.EnterpriseSchema, ["required"] = false }),
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
        },
        new JsonObject
        {
            ["schemas"] = new JsonArray(ResourceTypeSchema),
            ["id"] = "Group",
            ["name"] = "Group",
            ["endpoint"] = "/Groups",
            ["description"] = "One of the four roles: Administrator, TrainingManager, ItLead, Executive.",
            ["schema"] = ScimGroups.Schema,
            ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/Group" },
        },
    ];

    private static List<JsonNode> Schemas(string baseUrl) =>
    [
        Schema(baseUrl, ScimUsers.Schema, "User", "An account of the product.",
            Attribute("userName", required: true, uniqueness: "server"),
            Complex("name", Attribute("formatted"), Attribute("givenName"), Attribute("familyName")),
            Attribute("displayName", required: true),
            Attribute("active", type: "boolean"),
            Attribute("externalId"),
            MultiComplex("emails", Attribute("value"), Attribute("type"), Attribute("primary", type: "boolean")),
            MultiComplex("groups", "readOnly", Attribute("value", mutability: "readOnly"), Attribute("display", mutability: "readOnly"))),
        Schema(baseUrl, ScimUsers.EnterpriseSchema, "EnterpriseUser", "The department the account belongs to (one of the product's departments, by name).",
            Attribute("department")),
        Schema(baseUrl, ScimGroups.Schema, "Group", "One of the four roles; membership gives the role.",
            Attribute("displayName", required: true, mutability: "immutable", uniqueness: "server"),
            MultiComplex("members", "readWrite", Attribute("value"), Attribute("display", mutability: "readOnly"))),
    ];

    private static JsonObject Schema(string baseUrl, string id, string name, string description, params JsonNode[] attributes) => new()
    {
        ["schemas"] = new JsonArray(SchemaSchema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(string name, string type = "string", bool required = false, string mutability = "readWrite", string uniqueness = "none") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["required"] = required,
        ["caseExact"] = false,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, params JsonNode[] subAttributes)
    {
        var attribute = Attribute(name, type: "complex");
        attribute["subAttributes"] = new JsonArray(subAttributes);
        return attribute;
    }

    private static JsonObject MultiComplex(string name, params JsonNode[] subAttributes) => MultiComplex(name, "readWrite", subAttributes);

    private static JsonObject MultiComplex(string name, string mutability, params JsonNode[] subAttributes)
    {
        var attribute = Attribute(name, type: "complex", mutability: mutability);
        attribute["multiValued"] = true;
        attribute["subAttributes"] = new JsonArray(subAttributes);
        return attribute;
    }
}
