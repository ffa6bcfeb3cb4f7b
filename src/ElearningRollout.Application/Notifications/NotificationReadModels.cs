namespace ElearningRollout.Application.Notifications;

/// <summary>One notification in the /notifications list.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Title, string Link, DateTimeOffset CreatedAt, bool IsRead);
