namespace ElearningRollout.Domain.Gates;

/// <summary>
/// One checklist item as a person set it on the checklist form, with the moment of the item's last setting they saw
/// (<see cref="GateChecklistItem.SetAt"/>; null when it had never been set): each item is its own concurrency unit, so
/// two people settling different items of one gate do not conflict, while a change over someone's newer setting does.
/// </summary>
public sealed record ChecklistItemChange(Guid ItemId, ChecklistItemState State, string? Evidence, DateTimeOffset? SeenSetAt);
