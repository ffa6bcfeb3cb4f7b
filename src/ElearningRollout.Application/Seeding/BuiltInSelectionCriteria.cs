using ElearningRollout.Domain.Vendors.Selection;

namespace ElearningRollout.Application.Seeding;

/// <summary>The default weighted criteria of docs/domain-content.md ("Vendor selection: default weighted criteria").</summary>
public static class BuiltInSelectionCriteria
{
    public static readonly IReadOnlyList<CriterionSpec> Criteria =
    [
        new(null, "Functional fit", 25, false),
        new(null, "Usability", 15, false),
        new(null, "Pricing and total cost", 20, false),
        new(null, "Integrations", 10, false),
        new(null, "Security", 10, false),
        new(null, "Support and implementation", 10, false),
        new(null, "Vendor viability and references", 10, false),
    ];
}
