namespace ElearningRollout.Domain.Gates;

/// <summary>A checklist line as the gate template defines it; a new gate copies these.</summary>
public sealed record ChecklistItemTemplate(string Text, bool IsRequired);
