using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElearningRollout.Application.Identity.Provisioning;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// The SCIM User resource (RFC 7643 §4.1 and the enterprise extension §4.3) in and out of the product's account.
/// Stored: userName, displayName (name.formatted is the same), the work e-mail, active, externalId and the enterprise
/// extension's department. Other attributes Entra sends by default (title, phone numbers, addresses, preferredLanguage,
/// manager, employeeNumber, name.givenName and name.familyName) are accepted and not stored: the product keeps one
/// name per person. Given and family name make up the display name only when a new account has none.
/// </summary>
internal static partial class ScimUsers
{
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public static JsonObject ToJson(ProvisionedAccountView account, string baseUrl)
    {
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(Schema, EnterpriseSchema),
            ["id"] = account.Id,
            ["userName"] = account.UserName,
            ["name"] = new JsonObject { ["formatted"] = account.DisplayName },
            ["displayName"] = account.DisplayName,
            ["active"] = account.Active,
            ["emails"] = account.Email is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["value"] = account.Email, ["type"] = "work", ["primary"] = true }),
            ["groups"] = new JsonArray(account.Roles.Select(r => (JsonNode)new JsonObject
            {
                ["value"] = r, ["display"] = r, ["$ref"] = $"{baseUrl}/Groups/{r}",
            }).ToArray()),
            [EnterpriseSchema] = new JsonObject { ["department"] = account.Department },
            ["meta"] = new JsonObject { ["resourceType"] = "User", ["location"] = $"{baseUrl}/Users/{account.Id}" },
        };
        if (account.ExternalId is not null)
        {
            json["externalId"] = account.ExternalId;
        }

        return json;
    }

    /// <summary>What a POST or PUT states about the account; a department left out is null (kept, or the default for a new account).</summary>
    public static ProvisionedAccountDraft FromJson(JsonObject body)
    {
        var state = new UserState { Active = true };
        foreach (var (name, value) in body)
        {
            state.Set(name, value);
        }

        return state.ToDraft();
    }

    /// <summary>The current account with RFC 7644 §3.5.2's operations applied, in order, sent whole to the replace.</summary>
    public static ProvisionedAccountDraft Patch(ProvisionedAccountView current, JsonObject body)
    {
        var state = new UserState
        {
            UserName = current.UserName,
            DisplayName = current.DisplayName,
            Email = current.Email,
            Department = current.Department,
            Active = current.Active,
            ExternalId = current.ExternalId,
        };
        foreach (var (op, path, value) in ScimPatch.Operations(body))
        {
            if (path is null)
            {
                if (op == "remove")
                {
                    throw new ScimProtocolException("noTarget", "A remove operation needs a path.");
                }

                foreach (var (name, attribute) in ScimJson.Object(value, "value") ?? throw new ScimProtocolException("invalidValue", "An operation without a path needs an object value."))
                {
                    state.Set(name, attribute);
                }
            }
            else if (op == "remove")
            {
                state.Remove(path);
            }
            else
            {
                state.Set(path, value);
            }
        }

        return state.ToDraft();
    }

    private sealed class UserState
    {
        public string? UserName { get; set; }

        public string? DisplayName { get; set; }

        public string? GivenName { get; set; }

        public string? FamilyName { get; set; }

        public string? Email { get; set; }

        public string? Department { get; set; }

        public bool Active { get; set; }

        public string? ExternalId { get; set; }

        private bool displayNameSent;

        public ProvisionedAccountDraft ToDraft() => new()
        {
            UserName = UserName ?? "",
            DisplayName = DisplayName ?? string.Join(' ', new[] { GivenName, FamilyName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            Email = Email,
            Department = Department,
            Active = Active,
            ExternalId = ExternalId,
        };

        /// <summary>Sets one attribute by its path: a top-level name, a sub-attribute (name.givenName), a filtered e-mail or the enterprise extension's.</summary>
        public void Set(string path, JsonNode? value)
        {
            var attribute = path.Trim();
            if (attribute.StartsWith(EnterpriseSchema, StringComparison.OrdinalIgnoreCase))
            {
                var rest = attribute[EnterpriseSchema.Length..];
                if (rest.Length == 0)
                {
                    Department = ScimJson.String(ScimJson.Get(ScimJson.Object(value, EnterpriseSchema), "department"), "department") ?? Department;
                }
                else if (string.Equals(rest, ":department", StringComparison.OrdinalIgnoreCase))
                {
                    Department = ScimJson.String(value, "department");
                }

                return;
            }

            if (attribute.StartsWith(Schema + ":", StringComparison.OrdinalIgnoreCase))
            {
                attribute = attribute[(Schema.Length + 1)..];
            }

            switch (attribute.ToLowerInvariant())
            {
                case "username": UserName = ScimJson.String(value, "userName"); break;
                case "displayname":
                    DisplayName = ScimJson.String(value, "displayName");
                    displayNameSent = true;
                    break;
                case "name.formatted": Formatted(ScimJson.String(value, "name.formatted")); break;
                case "name.givenname": GivenName = ScimJson.String(value, "name.givenName"); break;
                case "name.familyname": FamilyName = ScimJson.String(value, "name.familyName"); break;
                case "name":
                    var name = ScimJson.Object(value, "name");
                    Formatted(ScimJson.String(ScimJson.Get(name, "formatted"), "name.formatted"));
                    GivenName = ScimJson.String(ScimJson.Get(name, "givenName"), "name.givenName") ?? GivenName;
                    FamilyName = ScimJson.String(ScimJson.Get(name, "familyName"), "name.familyName") ?? FamilyName;
                    break;
                case "active": Active = ScimJson.Boolean(value, "active"); break;
                case "externalid": ExternalId = ScimJson.String(value, "externalId"); break;
                case "emails": Email = WorkEmail(ScimJson.Array(value, "emails")) ?? Email; break;
                case "schemas" or "id" or "meta" or "groups" or "password":
                    // Set by the service (id, meta), by group membership (groups), or never kept (a password: people sign in through single sign-on).
                    break;
                default:
                    if (EmailPath().IsMatch(attribute))
                    {
                        Email = value is JsonObject entry ? ScimJson.String(ScimJson.Get(entry, "value"), "emails.value") : ScimJson.String(value, "emails.value");
                    }

                    // Any other attribute (title, phoneNumbers, addresses...) is accepted and not stored.
                    break;
            }
        }

        /// <summary>name.formatted is the display name, unless the request sends displayName itself (which wins, in any order).</summary>
        private void Formatted(string? formatted)
        {
            if (!displayNameSent && !string.IsNullOrWhiteSpace(formatted))
            {
                DisplayName = formatted;
            }
        }

        public void Remove(string path)
        {
            var attribute = path.Trim().ToLowerInvariant();
            if (attribute == "externalid")
            {
                ExternalId = null;
            }
            else if (attribute == "emails" || EmailPath().IsMatch(path.Trim()))
            {
                // The account keeps signing in with its user name, which becomes its e-mail again.
                Email = null;
            }
            else if (attribute is "username" or "displayname" or "active")
            {
                throw new ScimProtocolException("mutability", $"{path} is required and cannot be removed.");
            }

            // A department cannot be removed (every account has one); other attributes are not stored.
        }
    }

    private static string? WorkEmail(JsonArray? emails)
    {
        var entries = (emails ?? []).Select(e => ScimJson.Object(e, "emails")).OfType<JsonObject>().ToList();
        var chosen = entries.FirstOrDefault(e => string.Equals(ScimJson.String(ScimJson.Get(e, "type"), "emails.type"), "work", StringComparison.OrdinalIgnoreCase))
            ?? entries.FirstOrDefault(e => ScimJson.Get(e, "primary") is { } primary && ScimJson.Boolean(primary, "emails.primary"))
            ?? entries.FirstOrDefault();
        return ScimJson.String(ScimJson.Get(chosen, "value"), "emails.value");
    }

    /// <summary>emails[type eq "work"].value, as Entra addresses the work e-mail.</summary>
    [GeneratedRegex("""^emails\[\s*type\s+eq\s+"work"\s*\](\.value)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex EmailPath();
}

/// <summary>A PATCH body's operations (RFC 7644 §3.5.2): op in lower case, the path, the value.</summary>
internal static class ScimPatch
{
    public static IReadOnlyList<(string Op, string? Path, JsonNode? Value)> Operations(JsonObject body)
    {
        var operations = ScimJson.Array(ScimJson.Get(body, "Operations"), "Operations")
            ?? throw new ScimProtocolException("invalidSyntax", "A PATCH needs an Operations array.");
        var list = new List<(string, string?, JsonNode?)>();
        foreach (var item in operations)
        {
            var operation = ScimJson.Object(item, "Operations") ?? throw new ScimProtocolException("invalidSyntax", "Each operation must be an object.");
            var op = ScimJson.String(ScimJson.Get(operation, "op"), "op")?.Trim().ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove"))
            {
                throw new ScimProtocolException("invalidSyntax", "Each operation's op must be add, replace or remove.");
            }

            var path = ScimJson.String(ScimJson.Get(operation, "path"), "path");
            list.Add((op, string.IsNullOrWhiteSpace(path) ? null : path, ScimJson.Get(operation, "value")));
        }

        return list;
    }
}
