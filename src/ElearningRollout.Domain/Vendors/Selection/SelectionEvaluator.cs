namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>A training manager or IT lead on the selection's panel; pending until they score.</summary>
public sealed class SelectionEvaluator
{
    internal SelectionEvaluator(string evaluatorId, DateTimeOffset addedAt)
    {
        Id = Guid.CreateVersion7();
        EvaluatorId = evaluatorId;
        AddedAt = addedAt;
    }

    // For EF Core.
    private SelectionEvaluator()
    {
    }

    public Guid Id { get; private set; }

    public string EvaluatorId { get; private set; } = "";

    public DateTimeOffset AddedAt { get; private set; }
}
