namespace ElearningRollout.Domain.Common;

/// <summary>
/// On an aggregate root: adding a part (a new child row) moves the aggregate's version too, not only changing or removing
/// one. By convention an added part leaves the version alone: where parts are added with a change of the root itself (a
/// cost line takes the agreement's next line number, a review round comes with the gate's new state) the root's own change
/// moves it already. Where a part can be added on its own, this makes a concurrent edit made against the older version
/// conflict instead of passing unnoticed. <paramref name="reason"/> says which parts and why.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class AddedPartsMoveVersionAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
