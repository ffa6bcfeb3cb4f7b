using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Identity.Provisioning;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// The SCIM Group resource: the product's four roles, each a group whose id and displayName are the role's name.
/// Membership is the role; groups are neither created, renamed nor deleted through SCIM.
/// </summary>
internal static partial class ScimGroups
{
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public static JsonObject ToJson(ProvisionedGroupView group, string baseUrl, bool withMembers)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(Schema),
            ["id"] = group.Role,
            ["displayName"] = group.Role,
            ["meta"] = new JsonObject { ["resourceType"] = "Group", ["location"] = $"{baseUrl}/Groups/{group.Role}" },
        };
        if (withMembers)
        {
            json["members"] = new JsonArray(group.Members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Id, ["display"] = m.DisplayName, ["$ref"] = $"{baseUrl}/Users/{m.Id}",
            }).ToArray());
        }

        return json;
    }

    /// <summary>Whether a read asks for members: not when excludedAttributes names them, or attributes leaves them out.</summary>
    public static bool WantsMembers(string? attributes, string? excludedAttributes)
    {
        static bool Names(string? list) => (list ?? "").Split(',').Any(a => string.Equals(a.Trim(), "members", StringComparison.OrdinalIgnoreCase));
        return !Names(excludedAttributes) && (string.IsNullOrWhiteSpace(attributes) || Names(attributes));
    }

    /// <summary>The member ids of a members value: [{"value": "id"}, ...].</summary>
    public static IReadOnlyList<string> MemberIds(JsonNode? value)
        => (ScimJson.Array(value, "members") ?? [])
            .Select(m => ScimJson.String(ScimJson.Get(ScimJson.Object(m, "members"), "value"), "members.value")
                         ?? throw new ScimProtocolException("invalidValue", "Each member needs a value (the user's id)."))
            .ToList();

    /// <summary>A PATCH of a group as the members to add and remove, or the whole new list when members are replaced.</summary>
    public static (List<string> Add, List<string> Remove, List<string>? Replace) Patch(string role, JsonObject body)
    {
        var add = new List<string>();
        var remove = new List<string>();
        List<string>? replace = null;
        foreach (var (op, path, value) in ScimPatch.Operations(body))
        {
            if (path is null)
            {
                var attributes = ScimJson.Object(value, "value") ?? throw new ScimProtocolException("invalidValue", "An operation without a path needs an object value.");
                EnsureSameRole(role, ScimJson.Get(attributes, "displayName"));
                if (ScimJson.Get(attributes, "members") is { } members)
                {
                    Apply(op, MemberIds(members));
                }

                continue;
            }

            if (string.Equals(path.Trim(), "displayName", StringComparison.OrdinalIgnoreCase))
            {
                EnsureSameRole(role, value);
            }
            else if (string.Equals(path.Trim(), "members", StringComparison.OrdinalIgnoreCase))
            {
                Apply(op, op == "remove" && value is null ? null : MemberIds(value));
            }
            else if (MemberPath().Match(path.Trim()) is { Success: true } member && op == "remove")
            {
                Apply(op, [member.Groups["id"].Value]);
            }
            else
            {
                throw new ScimProtocolException("invalidPath", $"A group's {path} cannot be changed here; only its members can.");
            }
        }

        return (add, remove, replace);

        void Apply(string op, IReadOnlyList<string>? ids)
        {
            switch (op)
            {
                case "add":
                    (replace ?? add).AddRange(ids!);
                    remove.RemoveAll(ids!.Contains);
                    break;
                case "remove" when ids is null:
                    replace = [];
                    add.Clear();
                    break;
                case "remove":
                    if (replace is not null)
                    {
                        replace.RemoveAll(ids.Contains);
                    }
                    else
                    {
                        remove.AddRange(ids);
                        add.RemoveAll(ids.Contains);
                    }

                    break;
                default:
                    replace = [.. ids!];
                    add.Clear();
                    remove.Clear();
                    break;
            }
        }
    }

    /// <summary>A group keeps its role's name: a displayName naming the same role is fine, another is refused.</summary>
    public static void EnsureSameRole(string role, JsonNode? displayName)
    {
        if (displayName is not null && AccountProvisioning.RoleOf(ScimJson.String(displayName, "displayName")) != role)
        {
            throw new ScimProtocolException("mutability", "A role group cannot be renamed: the groups here are the four roles.");
        }
    }

    [GeneratedRegex("""^members\[\s*value\s+eq\s+"(?<id>[^"]+)"\s*\]$""", RegexOptions.IgnoreCase)]
    private static partial Regex MemberPath();
}
