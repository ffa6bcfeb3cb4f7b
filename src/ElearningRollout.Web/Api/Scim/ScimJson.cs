using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ElearningRollout.Web.Api.Scim;

/// <summary>
/// Reading SCIM's JSON: attribute names are case-insensitive (RFC 7643 §2.1), booleans may come as strings ("False",
/// as Entra sends them in PATCH), and anything malformed is a SCIM 400, never an exception page.
/// </summary>
internal static partial class ScimJson
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The request body as a JSON object, or a 400 invalidSyntax.</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new ScimProtocolException("invalidSyntax", $"The request body is larger than {MaxBodyBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
        }

        try
        {
            // Read at most one byte past the limit, whatever the client announced.
            var buffer = new byte[MaxBodyBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length > MaxBodyBytes)
            {
                throw new ScimProtocolException("invalidSyntax", $"The request body is larger than {MaxBodyBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
            }

            return JsonNode.Parse(buffer.AsSpan(0, length), documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw new ScimProtocolException("invalidSyntax", "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ScimProtocolException("invalidSyntax", $"The request body is not valid JSON: {e.Message}");
        }
    }

    public static JsonNode? Get(JsonObject? node, string name)
        => node?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public static bool Has(JsonObject node, string name) => node.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public static string? String(JsonNode? value, string attribute)
        => value switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
            _ => throw new ScimProtocolException("invalidValue", $"{attribute} must be a string."),
        };

    /// <summary>A boolean, or the strings "true"/"false" in any case.</summary>
    public static bool Boolean(JsonNode? value, string attribute)
        => value switch
        {
            JsonValue v when v.GetValueKind() is JsonValueKind.True => true,
            JsonValue v when v.GetValueKind() is JsonValueKind.False => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>().Trim(), out var b) => b,
            _ => throw new ScimProtocolException("invalidValue", $"{attribute} must be true or false."),
        };

    public static JsonObject? Object(JsonNode? value, string attribute)
        => value switch
        {
            null => null,
            JsonObject o => o,
            JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
            _ => throw new ScimProtocolException("invalidValue", $"{attribute} must be an object."),
        };

    public static JsonArray? Array(JsonNode? value, string attribute)
        => value switch
        {
            null => null,
            JsonArray a => a,
            JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
            _ => throw new ScimProtocolException("invalidValue", $"{attribute} must be an array."),
        };

    /// <summary>The one kind of filter the product answers: <c>attribute eq "value"</c> on an attribute it names.</summary>
    public static (string Attribute, string Value)? EqualityFilter(string? filter, params string[] attributes)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var match = EqualityFilterPattern().Match(filter);
        var attribute = match.Success ? attributes.FirstOrDefault(a => string.Equals(a, match.Groups["attribute"].Value, StringComparison.OrdinalIgnoreCase)) : null;
        if (attribute is null)
        {
            throw new ScimProtocolException("invalidFilter",
                $"Only filters of the form {string.Join(" or ", attributes.Select(a => $"{a} eq \"value\""))} are supported.");
        }

        return (attribute, Unescape(match.Groups["value"].Value));
    }

    private static string Unescape(string quoted)
    {
        try
        {
            return JsonSerializer.Deserialize<string>($"\"{quoted}\"") ?? "";
        }
        catch (JsonException)
        {
            throw new ScimProtocolException("invalidFilter", "The filter's value is not a valid string.");
        }
    }

    [GeneratedRegex("""^\s*(?<attribute>[A-Za-z][A-Za-z0-9._:-]*)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex EqualityFilterPattern();
}
