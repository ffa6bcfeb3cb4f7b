using ElearningRollout.Domain.Common;
namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>
/// The criteria and weights every new selection starts from. One row per installation, kept by administrators; its
/// version guards the whole set, because the weights only make sense together (they total 100).
/// </summary>
[AddedPartsMoveVersion("Revising replaces the criteria: the set itself does not change, only its added and removed criteria, and the weights only make sense together.")]
public sealed class DefaultSelectionCriteria : IAggregateRoot
{
    /// <summary>The one row's key: there is a single set of defaults.</summary>
    public static readonly Guid SingletonId = new("5e1ec7ed-0000-4000-8000-000000000001");

    private readonly List<DefaultCriterion> _criteria = [];

    public DefaultSelectionCriteria(IReadOnlyList<CriterionSpec> criteria)
    {
        Id = SingletonId;
        Version = Guid.NewGuid();
        Revise(criteria);
    }

    // For EF Core.
    private DefaultSelectionCriteria()
    {
    }

    public Guid Id { get; private set; }

    public Guid Version { get; private set; }

    public IReadOnlyList<DefaultCriterion> Criteria => _criteria;

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Replaces the whole set; selections already started keep their own copy.</summary>
    public void Revise(IReadOnlyList<CriterionSpec> criteria)
    {
        var revised = WeightedCriteria.Validate(criteria);
        _criteria.Clear();
        var order = 0;
        _criteria.AddRange(revised.Select(c => new DefaultCriterion(c.Name, c.Weight, c.MustHave, ++order)));
    }

    public IReadOnlyList<CriterionSpec> AsSpecs() =>
        _criteria.OrderBy(c => c.Order).Select(c => new CriterionSpec(null, c.Name, c.Weight, c.MustHave)).ToList();
}

public sealed class DefaultCriterion
{
    internal DefaultCriterion(string name, int weight, bool mustHave, int order)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Weight = weight;
        MustHave = mustHave;
        Order = order;
    }

    // For EF Core.
    private DefaultCriterion()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Weight { get; private set; }

    public bool MustHave { get; private set; }

    public int Order { get; private set; }
}
