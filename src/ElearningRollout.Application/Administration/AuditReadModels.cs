namespace ElearningRollout.Application.Administration;

/// <summary>One entry of the audit trail, as /admin/audit lists it and the CSV exports it.</summary>
public sealed record AuditLogRow(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, string Action, string Changes);
