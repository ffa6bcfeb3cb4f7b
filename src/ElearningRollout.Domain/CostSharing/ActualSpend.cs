namespace ElearningRollout.Domain.CostSharing;

/// <summary>Money actually spent against a cost line, in the line's currency. A record: never changed.</summary>
public sealed class ActualSpend
{
    public const int MaxNoteLength = 500;

    internal ActualSpend(Guid costLineId, DateOnly spentOn, decimal amount, string? note, string recordedById, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        CostLineId = costLineId;
        SpentOn = spentOn;
        Amount = amount;
        Note = note;
        RecordedById = recordedById;
        RecordedAt = recordedAt;
    }

    // For EF Core.
    private ActualSpend()
    {
    }

    public Guid Id { get; private set; }

    public Guid CostLineId { get; private set; }

    public DateOnly SpentOn { get; private set; }

    public decimal Amount { get; private set; }

    public string? Note { get; private set; }

    public string RecordedById { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}
