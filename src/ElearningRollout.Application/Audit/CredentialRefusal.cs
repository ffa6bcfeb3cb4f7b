using System.Text.Json;

namespace ElearningRollout.Application.Audit;

/// <summary>
/// The audit entry of a refused credential presented without a session (a calendar feed address, a SCIM or API token):
/// who it belongs to when known, the reason and the client address, never what was presented.
/// </summary>
internal static class CredentialRefusal
{
    public static AuditEntry Entry(
        DateTimeOffset at, string? userId, string userName, string entityType, string entityId, string action, string reason, string? clientAddress) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        After = JsonSerializer.Serialize(new { Reason = reason, ClientAddress = clientAddress }),
    };
}
