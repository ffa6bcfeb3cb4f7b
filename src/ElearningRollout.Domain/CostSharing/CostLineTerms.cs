using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// What a cost line says, checked as a whole before it reaches the agreement, so a refused edit
/// never leaves a line half changed (nor starts a new version of a signed agreement for nothing).
/// </summary>
public sealed record CostLineTerms
{
    public const int MaxDescriptionLength = 500;

    public CostLineTerms(
        CostCategory category,
        string description,
        decimal amount,
        string currency,
        CostNature nature,
        CostRecurrence recurrence,
        Guid? vendorEngagementId,
        CostSplit split)
    {
        Category = Enum.IsDefined(category) ? category : throw new DomainException("Choose a cost category.");
        Description = Require.Text(description, "The description", MaxDescriptionLength);
        Amount = Money.RequireAmount(amount, "The amount");
        Currency = Money.RequireCurrency(currency);
        Nature = Enum.IsDefined(nature) ? nature : throw new DomainException("Choose CapEx or OpEx.");
        Recurrence = Enum.IsDefined(recurrence) ? recurrence : throw new DomainException("Choose how often the amount is paid.");
        VendorEngagementId = vendorEngagementId == Guid.Empty ? null : vendorEngagementId;
        Split = split ?? throw new DomainException("Split the cost between at least one department.");
    }

    public CostCategory Category { get; }

    public string Description { get; }

    public decimal Amount { get; }

    public string Currency { get; }

    public CostNature Nature { get; }

    public CostRecurrence Recurrence { get; }

    public Guid? VendorEngagementId { get; }

    public CostSplit Split { get; }
}
