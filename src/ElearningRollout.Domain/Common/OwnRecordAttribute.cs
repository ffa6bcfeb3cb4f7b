namespace ElearningRollout.Domain.Common;

/// <summary>
/// An entity that belongs to an aggregate (its history shows with it) but is its own record: saving it never moves the
/// aggregate's version, so it never conflicts with, and is never lost to, someone saving the aggregate at the same time.
/// By convention every other part of an aggregate moves the aggregate's version when it changes; <paramref name="reason"/>
/// says why this one does not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class OwnRecordAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
