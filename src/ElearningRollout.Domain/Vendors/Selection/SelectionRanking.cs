namespace ElearningRollout.Domain.Vendors.Selection;

/// <param name="AverageScore">Over the evaluators who scored it; null while nobody has.</param>
/// <param name="WeightedScore">Average / 5 x weight, to two decimals.</param>
/// <param name="KnockedOut">A must-have criterion somebody scored 1.</param>
public sealed record CriterionResult(
    Guid CriterionId, string Name, int Weight, bool MustHave, decimal? AverageScore, decimal WeightedScore, int ScoredBy, bool KnockedOut);

/// <param name="Rank">1 is best; equal totals share a rank; null for a candidate that is ruled out.</param>
public sealed record CandidateResult(
    Guid VendorId, string VendorName, int? Rank, decimal Total, IReadOnlyList<CriterionResult> Breakdown)
{
    public bool RuledOut => Breakdown.Any(c => c.KnockedOut);

    public IReadOnlyList<string> KnockOuts => Breakdown.Where(c => c.KnockedOut).Select(c => c.Name).ToList();

    /// <summary>Nobody has scored this candidate yet: it cannot win.</summary>
    public bool Unscored => Breakdown.All(c => c.ScoredBy == 0);
}

/// <param name="Scored">How many of the <paramref name="Expected"/> cells (candidates x criteria) they have scored.</param>
public sealed record EvaluatorProgress(string EvaluatorId, int Scored, int Expected)
{
    /// <summary>Not scored anything yet: shown as pending, and counts nowhere.</summary>
    public bool IsPending => Scored == 0;
}

public sealed record SelectionRanking(IReadOnlyList<CandidateResult> Candidates, IReadOnlyList<EvaluatorProgress> Evaluators);
