namespace ElearningRollout.Domain.Gates;

/// <summary>A checklist line as the seed content gives it when a gate template is first made.</summary>
/// <param name="FollowsAgreement">Set on the Budget agreement items that follow the cost-sharing agreement.</param>
public sealed record ChecklistItemTemplate(string Text, bool IsRequired, AgreementFact? FollowsAgreement = null);

/// <summary>A checklist line as an administrator publishes it; <paramref name="ItemId"/> is null for a new line.</summary>
public sealed record ChecklistItemEdit(Guid? ItemId, string Text, bool IsRequired);

/// <summary>
/// The fact of the cost-sharing agreement that sets a Budget agreement checklist item, so that the link survives
/// administrators rewording or reordering the checklist.
/// </summary>
public enum AgreementFact
{
    EveryLineCategorisedAndSplit,
    AgreementSigned,
}

/// <summary>One line of a gate template's current checklist; new gates copy it.</summary>
public sealed class GateTemplateItem
{
    internal GateTemplateItem(string text, bool isRequired, int order, AgreementFact? followsAgreement)
    {
        Id = Guid.CreateVersion7();
        Text = text;
        IsRequired = isRequired;
        Order = order;
        FollowsAgreement = followsAgreement;
    }

    // For EF Core.
    private GateTemplateItem()
    {
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public bool IsRequired { get; private set; }

    /// <summary>1-based position on the checklist.</summary>
    public int Order { get; private set; }

    public AgreementFact? FollowsAgreement { get; private set; }

    internal void Change(string text, bool isRequired, int order)
    {
        Text = text;
        IsRequired = isRequired;
        Order = order;
    }
}
