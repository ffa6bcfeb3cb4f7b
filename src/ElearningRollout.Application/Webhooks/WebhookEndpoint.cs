using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Webhooks;

public enum WebhookFlavour
{
    /// <summary>The event as JSON, signed per Standard Webhooks.</summary>
    Standard,

    /// <summary>An Adaptive Card for a Microsoft Teams Workflows webhook (the same headers, a card as the body).</summary>
    Teams,
}

/// <summary>
/// Where administrators send events: a URL, the events it wants, and the signing secret. The secret is kept protected
/// with Data Protection (not hashed: the sender needs it to sign) and shown once, when the endpoint is created.
/// </summary>
[NotAudited("Creating, changing, disabling and removing an endpoint are written to the audit trail explicitly (WebhookCommands, WebhookSender); the protected secret and the failure counter have no place in it.")]
public sealed class WebhookEndpoint
{
    public const int MaxNameLength = 80;
    public const int MaxUrlLength = 2000;

    public Guid Id { get; init; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public WebhookFlavour Flavour { get; set; }

    /// <summary>The subscribed event types, space-separated (see <see cref="WebhookEvents"/>).</summary>
    public string Events { get; set; } = "";

    /// <summary>The <c>whsec_…</c> secret, protected by Data Protection.</summary>
    public string ProtectedSecret { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string CreatedBy { get; init; } = "";

    /// <summary>Set when the endpoint stops receiving: by an administrator, on a 410 Gone, or after a message failed for the whole retry window.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public string? DisabledReason { get; set; }

    /// <summary>Failed attempts since the last success, for the administrators' page.</summary>
    public int ConsecutiveFailures { get; set; }

    public bool IsEnabled => DisabledAt is null;

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventType) => IsEnabled && EventList.Contains(eventType);
}
