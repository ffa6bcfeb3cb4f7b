using ElearningRollout.Domain.Common;

namespace ElearningRollout.Application.Notifications;

public enum NotificationKind
{
    GateSubmittedToMe,
    DecisionOnMyGate,
    SignOffAwaitingMe,
    ConditionAssignedToMe,
    ConditionDueSoon,
    GateOverdue,
    SignatureAwaitingMe,
    AgreementComment,
    ReviewReminder,
    ReviewEscalated,
    CertificationExpiring,
}

/// <summary>Something one person should know, shown in the app at once (and mailed when SMTP is configured).</summary>
[NotAudited("A message to one person about a change that is audited itself; reading it is not a change of the project.")]
public sealed class Notification
{
    public long Id { get; init; }

    public string UserId { get; init; } = "";

    public NotificationKind Kind { get; init; }

    public string Title { get; init; } = "";

    /// <summary>Where in the app the person acts on it, e.g. /gates/{id}.</summary>
    public string Link { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>Set once the e-mail went out (or null while it waits or when e-mail is off).</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    /// <summary>A key that makes repeated background checks (overdue, due soon) notify only once.</summary>
    public string? DedupKey { get; init; }
}
