namespace ElearningRollout.Application.Administration;

/// <summary>
/// One entry of the audit trail, as /admin/audit lists it: the stored fields (<see cref="EntityType"/>, <see cref="EntityId"/>
/// and <see cref="Action"/> as the filters and the CSV export take them) and their words for the screen: the kind of
/// record, the record by name where the application knows it (the person of an account, the rollout of a rollout's
/// record), the action and the changes.
/// </summary>
public sealed record AuditLogRow(
    long Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, string Action, string Changes,
    string Subject, string? RecordName, string ActionText);
