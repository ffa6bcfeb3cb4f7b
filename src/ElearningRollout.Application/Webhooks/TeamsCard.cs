using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// The body a Microsoft Teams Workflows webhook ("When a Teams webhook request is received") posts to a channel: a
/// message with one Adaptive Card saying what happened, who did it, and a button back to the app. Built from the
/// stored event when sent, so the outbox keeps one format.
/// </summary>
public static class TeamsCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static string From(string eventPayload)
    {
        var payload = JsonNode.Parse(eventPayload)!;
        var type = (string?)payload["type"] ?? "";
        var data = payload["data"] ?? new JsonObject();
        var facts = new JsonArray();
        if (data["rollout"] is { } rollout)
        {
            facts.Add(Fact("Rollout", $"{(string?)rollout["code"]} {(string?)rollout["title"]}"));
        }

        facts.Add(Fact("By", (string?)data["by"] ?? ""));
        facts.Add(Fact("Event", type));
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = WebhookEvents.Describe(type), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = (string?)data["summary"] ?? "", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
            ["actions"] = new JsonArray(
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in ElearningRollout", ["url"] = (string?)data["link"] ?? "" }),
        };
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = ContentType, ["contentUrl"] = null, ["content"] = card }),
        };
        return message.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
