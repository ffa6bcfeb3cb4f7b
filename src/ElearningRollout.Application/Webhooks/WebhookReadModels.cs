namespace ElearningRollout.Application.Webhooks;

/// <summary>
/// One endpoint on /admin/webhooks. The secret is never here (only in <see cref="NewWebhookEndpointView"/>, once), and
/// an address that is a credential (<see cref="UrlIsSecret"/>, Teams) only masked.
/// </summary>
public sealed record WebhookEndpointRow(
    Guid Id,
    Guid Version,
    string Name,
    string Url,
    bool UrlIsSecret,
    WebhookFlavour Flavour,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    int ConsecutiveFailures);

/// <summary>An endpoint just created or re-keyed: the only time its signing secret is shown.</summary>
public sealed record NewWebhookEndpointView(Guid Id, string Name, string Secret);

/// <summary>One line of an endpoint's delivery log.</summary>
public sealed record WebhookDeliveryRow(
    long Id,
    string MessageId,
    string EventType,
    DateTimeOffset CreatedAt,
    WebhookMessageStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    int? LastResponseCode,
    string? LastResponseExcerpt,
    DateTime? NextAttemptAtUtc,
    bool MaySendAgain);
