namespace ElearningRollout.Application.Audit;

/// <summary>
/// One appended line of the audit trail: who changed what, when (UTC), and the values before and after.
/// Written only by <see cref="AuditTrailInterceptor"/>; never updated or deleted (the interceptor refuses it).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Ever-increasing, so it also orders the trail (SQLite cannot order DateTimeOffset columns).</summary>
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string? UserId { get; init; }

    public string UserName { get; init; } = "";

    public string EntityType { get; init; } = "";

    public string EntityId { get; init; } = "";

    /// <summary>The rollout the change belongs to, for the rollout's History tab; null for other entities.</summary>
    public Guid? RolloutId { get; init; }

    /// <summary>Created, Changed or Removed.</summary>
    public string Action { get; init; } = "";

    /// <summary>JSON of the changed properties' values before the change (null when created).</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the changed properties' values after the change (null when removed).</summary>
    public string? After { get; init; }
}
