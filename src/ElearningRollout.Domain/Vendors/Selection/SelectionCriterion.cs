namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>A weighted criterion of one selection, copied from the defaults when the selection started.</summary>
public sealed class SelectionCriterion
{
    internal SelectionCriterion(string name, int weight, bool mustHave, int order)
    {
        Id = Guid.CreateVersion7();
        Revise(name, weight, mustHave, order);
    }

    // For EF Core.
    private SelectionCriterion()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Points out of 100 that a score of 5 earns.</summary>
    public int Weight { get; private set; }

    /// <summary>A score of 1 from any evaluator rules the candidate out.</summary>
    public bool MustHave { get; private set; }

    /// <summary>1-based position in the scoring grid.</summary>
    public int Order { get; private set; }

    internal void Revise(string name, int weight, bool mustHave, int order)
    {
        Name = name;
        Weight = weight;
        MustHave = mustHave;
        Order = order;
    }
}
