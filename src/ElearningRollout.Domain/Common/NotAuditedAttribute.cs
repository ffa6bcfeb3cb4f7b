namespace ElearningRollout.Domain.Common;

/// <summary>
/// Keeps an entity out of the audit trail. Every entity the database stores is audited by convention (its changes are
/// written to the trail on save); this marks the few that are not, and <paramref name="reason"/> says why, e.g. a table
/// derived from audited ones. A type left out of the trail also never moves an aggregate's version.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class NotAuditedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
