using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Webhooks;

public enum WebhookMessageStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    Delivered,

    /// <summary>Given up: the retry window passed, the receiver answered 410 Gone, or the endpoint was disabled or removed.</summary>
    Failed,
}

/// <summary>
/// One event for one endpoint: the outbox row, written in the same save as the change it reports (so a rolled-back
/// change writes none and a crash after the save loses none), and its delivery log (attempts, last answer).
/// Several instances deliver each message once: an instance claims a row by setting <see cref="ClaimedUntil"/> to a
/// short lease in one conditional UPDATE; a crashed instance's claim lapses and another takes the row.
/// </summary>
[NotAudited("The outbox and delivery log of webhooks, written with the audited change it reports; sending again is audited explicitly.")]
public sealed class WebhookMessage
{
    public const int MaxExcerptLength = 500;

    /// <summary>Ever-increasing, so it orders the log (SQLite cannot order DateTimeOffset columns).</summary>
    public long Id { get; init; }

    /// <summary>The <c>webhook-id</c> header: the same on every attempt, so a receiver can drop a repeat.</summary>
    public string MessageId { get; init; } = "";

    public Guid EndpointId { get; init; }

    public string EventType { get; init; } = "";

    /// <summary>The event as JSON (the Standard body; a Teams card is built from it when sent).</summary>
    public string Payload { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public WebhookMessageStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>UTC; due when it is not after now. A DateTime, not an offset, so SQLite can compare it in SQL.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>UTC end of the retry window: written at creation and again by "send again".</summary>
    public DateTime RetryUntil { get; set; }

    /// <summary>UTC end of an instance's claim; null when nobody holds it.</summary>
    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Which claim holds the row: the holder writes its result only while this is still its own.</summary>
    public Guid? ClaimToken { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public int? LastResponseCode { get; set; }

    /// <summary>The first characters of the receiver's answer or the failure (never the whole body).</summary>
    public string? LastResponseExcerpt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
}
