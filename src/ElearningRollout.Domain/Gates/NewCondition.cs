namespace ElearningRollout.Domain.Gates;

/// <summary>A condition as a reviewer states it when approving with conditions.</summary>
public sealed record NewCondition(string Text, string OwnerId, DateOnly DueDate);
