namespace ElearningRollout.Domain.Gates;

/// <summary>One line of a gate's checklist, copied from its kind's template when the gate was created.</summary>
public sealed class GateChecklistItem
{
    public const int MaxTextLength = 1000;
    public const int MaxEvidenceLength = 2000;

    internal GateChecklistItem(string text, bool isRequired, int order, AgreementFact? followsAgreement)
    {
        FollowsAgreement = followsAgreement;
        Id = Guid.CreateVersion7();
        Text = text;
        IsRequired = isRequired;
        Order = order;
        State = ChecklistItemState.Open;
    }

    // For EF Core.
    private GateChecklistItem()
    {
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public bool IsRequired { get; private set; }

    /// <summary>1-based position on the checklist.</summary>
    public int Order { get; private set; }

    public ChecklistItemState State { get; private set; }

    /// <summary>Set on the Budget agreement items that the cost-sharing agreement sets, rather than a person.</summary>
    public AgreementFact? FollowsAgreement { get; private set; }

    /// <summary>A note or a link that shows why the item is met, not applicable or failed.</summary>
    public string? Evidence { get; private set; }

    public string? SetById { get; private set; }

    public DateTimeOffset? SetAt { get; private set; }

    /// <summary>Open or failed required items stop an approval.</summary>
    public bool BlocksApproval => ChecklistItemStateRules.BlocksApproval(IsRequired, State);

    internal void Set(ChecklistItemState state, string? evidence, string setById, DateTimeOffset setAt)
    {
        State = state;
        Evidence = evidence;
        SetById = setById;
        SetAt = setAt;
    }
}
