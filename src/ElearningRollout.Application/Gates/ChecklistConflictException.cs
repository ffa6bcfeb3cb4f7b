using ElearningRollout.Application.Common;
using ElearningRollout.Domain.Gates;

namespace ElearningRollout.Application.Gates;

/// <summary>An item of the checklist as someone else set it after the person saw it: who, when, and what they set.</summary>
public sealed record ChecklistItemConflict(Guid ItemId, int Order, string SetBy, DateTimeOffset SetAt, ChecklistItemState State, string? Evidence);

/// <summary>
/// A checklist save refused because someone else set some of its items after the person saw them. Nothing of the save
/// was written (not even the other items: the checklist form is one save, see <see cref="GateCommands.SetChecklistItemsAsync"/>);
/// <see cref="Conflicts"/> names each item, who set it and when, so the form can mark them and keep what the person typed.
/// </summary>
public sealed class ChecklistConflictException(IReadOnlyList<ChecklistItemConflict> conflicts)
    : ConcurrencyConflictException(Describe(conflicts))
{
    public IReadOnlyList<ChecklistItemConflict> Conflicts { get; } = conflicts;

    private static string Describe(IReadOnlyList<ChecklistItemConflict> conflicts)
    {
        var changes = string.Join("; ", conflicts.Select(c => $"{c.SetBy} set item {c.Order} at {c.SetAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"));
        return $"{changes}, after you opened the checklist. Nothing was saved: check their change, then save yours again.";
    }
}
