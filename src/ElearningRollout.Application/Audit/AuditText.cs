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

    private static Dictionary<string, string?> Parse(string? json)
        => json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
}
