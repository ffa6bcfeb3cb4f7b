namespace ElearningRollout.Domain.Gates;

/// <summary>
/// Who stands in for whom today, from the reviewers' absences that are running (<see cref="ReviewerAbsence.IsActiveOn"/>):
/// a review whose reviewer is away goes to their stand-in, and back to them when the absence ends, without moving any
/// record. A stand-in who is away too hands on to their own stand-in (absences never form a circle; a chain is followed
/// to its end).
/// </summary>
public sealed class StandIns
{
    public static readonly StandIns None = new([]);

    private readonly Dictionary<string, string> _standInFor;

    public StandIns(IEnumerable<ReviewerAbsence> activeAbsences)
    {
        _standInFor = [];
        foreach (var absence in activeAbsences)
        {
            _standInFor.TryAdd(absence.ReviewerId, absence.StandInId);
        }
    }

    /// <summary>Who holds <paramref name="reviewerId"/>'s reviews today: their stand-in (followed along a chain), or null when they are not away.</summary>
    public string? For(string? reviewerId)
    {
        if (reviewerId is null || !_standInFor.TryGetValue(reviewerId, out var next))
        {
            return null;
        }

        var seen = new HashSet<string> { reviewerId };
        while (_standInFor.TryGetValue(next, out var further) && seen.Add(next))
        {
            next = further;
        }

        // A circle cannot be stored (ReviewerAbsence refuses it); should one appear, nobody stands in.
        return seen.Contains(next) ? null : next;
    }

    /// <summary>The away reviewers whose reviews <paramref name="standInId"/> holds today (at the end of their chain).</summary>
    public IReadOnlyList<string> ReviewersHeldBy(string standInId) => [.. _standInFor.Keys.Where(reviewer => For(reviewer) == standInId)];

    public bool IsAway(string? reviewerId) => reviewerId is not null && _standInFor.ContainsKey(reviewerId);
}
