namespace ElearningRollout.Domain.Gates;

/// <summary>
/// A condition attached to an approval. It is met by its owner, not by the reviewer who set it,
/// so that the person doing the work confirms it is done.
/// </summary>
public sealed class GateCondition
{
    public const int MaxTextLength = 1000;

    internal GateCondition(int roundNumber, string text, string ownerId, DateOnly dueDate, string? setById = null)
    {
        SetById = setById;
        Id = Guid.CreateVersion7();
        RoundNumber = roundNumber;
        Text = text;
        OwnerId = ownerId;
        DueDate = dueDate;
    }

    // For EF Core.
    private GateCondition()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The review round whose approval set this condition.</summary>
    public int RoundNumber { get; private set; }

    public string Text { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    /// <summary>The reviewer whose approval set it (null for conditions recorded before each reviewer decided on their own; their round's decider set them).</summary>
    public string? SetById { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset? MetAt { get; private set; }

    public string? MetById { get; private set; }

    public bool IsMet => MetAt is not null;

    public bool IsOverdue(DateOnly today) => !IsMet && DueDate < today;

    internal void Meet(string metById, DateTimeOffset at)
    {
        MetById = metById;
        MetAt = at;
    }
}
