using System.Text;
using System.Text.Json;

namespace ElearningRollout.Application.Audit;

/// <summary>Turns stored audit entries into words for the History timeline.</summary>
public static class AuditText
{
    public static string Subject(string entityType) => entityType switch
    {
        "Rollout" => "Rollout",
        "RolloutPhase" => "Phase",
        "PhaseSendBack" => "Send-back",
        "PilotCohort" => "Pilot cohort",
        "ClearanceGate" => "Clearance gate",
        "GateChecklistItem" => "Checklist item",
        "GateReviewRound" => "Review round",
        "GateCondition" => "Condition",
        "RiskEntry" => "Risk or issue",
        _ => entityType,
    };

    /// <summary>"Health: OnTrack → AtRisk; HealthReason: → Vendor late" from the before and after JSON.</summary>
    public static string Changes(string? beforeJson, string? afterJson)
    {
        var before = Parse(beforeJson);
        var after = Parse(afterJson);
        var text = new StringBuilder();
        foreach (var name in after.Keys.Union(before.Keys))
        {
            var was = before.GetValueOrDefault(name);
            var now = after.GetValueOrDefault(name);
            if (was == now || name.EndsWith("Id", StringComparison.Ordinal))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(beforeJson is null ? $"{name}: {now}" : $"{name}: {was} → {now}");
        }

        return text.ToString();
    }

    // The change interceptor stores every value as text, but entries recorded by hand (account events, SCIM, tokens)
    // carry whatever their anonymous object held: numbers, true/false, lists. Each is shown as written; a value that is
    // not an object at all is shown whole, so no stored entry can break the History or the audit page.
    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { ["Value"] = Text(document.RootElement) };
            }

            var values = new Dictionary<string, string?>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = Text(property.Value);
            }

            return values;
        }
        catch (JsonException)
        {
            return new() { ["Value"] = json };
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
