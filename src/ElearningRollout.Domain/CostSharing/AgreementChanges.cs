namespace ElearningRollout.Domain.CostSharing;

public enum LineChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// How one line differs between two versions. <see cref="ChangedFields"/> names what changed
/// (Category, Description, Amount, Currency, Nature, Recurrence, VendorEngagement, Split).
/// </summary>
public sealed record LineChange(
    Guid LineId, int Number, LineChangeKind Kind, CostLineSnapshot? Before, CostLineSnapshot? After, IReadOnlyList<string> ChangedFields)
{
    public string Description => (After ?? Before)!.Description;
}

/// <summary>What changed from one version of an agreement to the next; computed, never stored.</summary>
public sealed record AgreementChanges(int FromVersion, int ToVersion, int TermMonthsBefore, int TermMonthsAfter, IReadOnlyList<LineChange> Lines)
{
    public bool TermChanged => TermMonthsBefore != TermMonthsAfter;

    public bool IsEmpty => !TermChanged && Lines.Count == 0;

    /// <summary>Lines are matched by their id, so a line that was edited shows as changed, not as removed and added.</summary>
    public static AgreementChanges Between(
        int fromVersion, int termBefore, IEnumerable<IBudgetLine> before, int toVersion, int termAfter, IEnumerable<IBudgetLine> after)
    {
        var earlier = before.Select(Freeze).ToDictionary(l => l.LineId);
        var later = after.Select(Freeze).ToDictionary(l => l.LineId);
        var changes = new List<LineChange>();
        foreach (var line in later.Values)
        {
            if (!earlier.TryGetValue(line.LineId, out var old))
            {
                changes.Add(new LineChange(line.LineId, line.Number, LineChangeKind.Added, null, line, []));
            }
            else if (FieldsChanged(old, line) is { Count: > 0 } fields)
            {
                changes.Add(new LineChange(line.LineId, line.Number, LineChangeKind.Changed, old, line, fields));
            }
        }

        changes.AddRange(earlier.Values.Where(l => !later.ContainsKey(l.LineId))
            .Select(l => new LineChange(l.LineId, l.Number, LineChangeKind.Removed, l, null, [])));
        return new AgreementChanges(fromVersion, toVersion, termBefore, termAfter, changes.OrderBy(c => c.Number).ToList());
    }

    private static CostLineSnapshot Freeze(IBudgetLine line) => line as CostLineSnapshot ?? new CostLineSnapshot(
        line.LineId, line.Number, line.Category, line.Description, line.Amount, line.Currency, line.Nature, line.Recurrence,
        line.VendorEngagementId, line.Split);

    private static List<string> FieldsChanged(CostLineSnapshot before, CostLineSnapshot after)
    {
        var fields = new List<string>();
        void Compare<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                fields.Add(name);
            }
        }

        Compare(nameof(IBudgetLine.Category), before.Category, after.Category);
        Compare(nameof(IBudgetLine.Description), before.Description, after.Description);
        Compare(nameof(IBudgetLine.Amount), before.Amount, after.Amount);
        Compare(nameof(IBudgetLine.Currency), before.Currency, after.Currency);
        Compare(nameof(IBudgetLine.Nature), before.Nature, after.Nature);
        Compare(nameof(IBudgetLine.Recurrence), before.Recurrence, after.Recurrence);
        Compare("VendorEngagement", before.VendorEngagementId, after.VendorEngagementId);
        Compare(nameof(IBudgetLine.Split), before.Split, after.Split);
        return fields;
    }
}
