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
[NotAudited("Creating, changing, re-keying, disabling and deleting an endpoint are written to the audit trail explicitly (WebhookCommands, WebhookSender); the protected secret, the protected Teams address and the failure counter have no place in it.")]
public sealed class WebhookEndpoint
{
    public const int MaxNameLength = 80;
    public const int MaxUrlLength = 2000;

    public Guid Id { get; init; }

    public string Name { get; set; } = "";

    /// <summary>
    /// The address as administrators see it: the whole URL, or for an endpoint whose URL is itself a credential (a Teams
    /// Workflows URL carries its <c>sig=</c>) only its host and the start of its path (<see cref="WebhookUrl.Masked"/>).
    /// </summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The whole URL, protected by Data Protection, when it is a credential (Teams); null when <see cref="Url"/> is the
    /// whole URL. Endpoints saved before the URL was protected are protected at the next start (WebhookSender.ProtectSecretAddressesAsync).
    /// </summary>
    public string? ProtectedUrl { get; set; }

    /// <summary>Changes with every administrator's save: a second editor working from an older version is told, not overwritten.</summary>
    public Guid Version { get; set; }

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

    /// <summary>Whether the URL is a credential that is stored protected and shown masked (a Teams Workflows URL).</summary>
    public static bool UrlIsSecret(WebhookFlavour flavour) => flavour == WebhookFlavour.Teams;

    public bool Wants(string eventType) => IsEnabled && EventList.Contains(eventType);
}
