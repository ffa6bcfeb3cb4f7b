namespace ElearningRollout.Domain.Vendors.Selection;

public sealed partial class VendorSelection
{
    /// <summary>
    /// The ranking with its per-criterion breakdown. Per criterion, the scores of the evaluators who scored it are
    /// averaged and weighted (average / 5 x weight, rounded to two decimals); the total is the sum of those. Equal
    /// totals share a rank and are listed by name, so the order never depends on storage; ruled-out candidates
    /// come last, without a rank.
    /// </summary>
    /// <param name="vendorNames">The candidates' names, from the registry.</param>
    public SelectionRanking Rank(IReadOnlyDictionary<Guid, string> vendorNames)
    {
        var criteria = _criteria.OrderBy(c => c.Order).ToList();
        var results = _candidates
            .Select(candidate => Result(candidate.VendorId, vendorNames.GetValueOrDefault(candidate.VendorId, "Unknown vendor"), criteria))
            .OrderBy(r => r.RuledOut)
            .ThenByDescending(r => r.Total)
            .ThenBy(r => r.VendorName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.VendorId)
            .ToList();
        var ranked = results
            .Select(r => r.RuledOut ? r : r with { Rank = 1 + results.Count(o => !o.RuledOut && o.Total > r.Total) })
            .ToList();
        var expected = _candidates.Count * _criteria.Count;
        var progress = _evaluators
            .Select(e => new EvaluatorProgress(e.EvaluatorId, _scores.Count(s => s.EvaluatorId == e.EvaluatorId), expected))
            .ToList();
        return new SelectionRanking(ranked, progress);
    }

    private CandidateResult Result(Guid vendorId, string vendorName, IReadOnlyList<SelectionCriterion> criteria)
    {
        var breakdown = criteria.Select(criterion =>
        {
            var scores = _scores.Where(s => s.VendorId == vendorId && s.CriterionId == criterion.Id).Select(s => s.Score).ToList();
            if (scores.Count == 0)
            {
                return new CriterionResult(criterion.Id, criterion.Name, criterion.Weight, criterion.MustHave, null, 0m, 0, false);
            }

            decimal sum = scores.Sum();
            var weighted = Math.Round(sum * criterion.Weight / (CandidateScore.Highest * scores.Count), 2, MidpointRounding.AwayFromZero);
            var average = Math.Round(sum / scores.Count, 2, MidpointRounding.AwayFromZero);
            var knockedOut = criterion.MustHave && scores.Contains(CandidateScore.Lowest);
            return new CriterionResult(criterion.Id, criterion.Name, criterion.Weight, criterion.MustHave, average, weighted, scores.Count, knockedOut);
        }).ToList();
        return new CandidateResult(vendorId, vendorName, null, breakdown.Sum(c => c.WeightedScore), breakdown);
    }
}
