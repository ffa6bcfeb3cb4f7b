using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.Vendors.Selection;

/// <summary>
/// Choosing a vendor for a rollout: candidates from the registry scored 1-5 by a panel of evaluators on weighted
/// criteria; choosing the winner closes it. Its own aggregate. The version moves when the candidates, criteria or panel
/// change; scores are each evaluator's own rows and leave it alone, so evaluators never conflict with each other or with
/// the training owner editing a criterion. The arithmetic is in VendorSelection.Ranking.cs.
/// </summary>
[AddedPartsMoveVersion("An added criterion, candidate or evaluator changes what is being scored, so an edit made against the older version must conflict. Scores are OwnRecord and never move it.")]
public sealed partial class VendorSelection : IAggregateRoot, IBelongsToRollout
{
    private readonly List<SelectionCriterion> _criteria = [];
    private readonly List<SelectionCandidate> _candidates = [];
    private readonly List<SelectionEvaluator> _evaluators = [];
    private readonly List<CandidateScore> _scores = [];

    /// <param name="type">The work the winner will be engaged for.</param>
    /// <param name="criteria">The defaults at the time, copied: later changes to the defaults do not reach this selection.</param>
    /// <param name="evaluatorIds">The first panel, usually the training owner and the IT liaison.</param>
    public VendorSelection(
        Guid rolloutId, EngagementType type, IReadOnlyList<CriterionSpec> criteria, IEnumerable<string> evaluatorIds,
        string startedById, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        EngagementType = type;
        Status = SelectionStatus.Open;
        StartedById = Require.UserId(startedById, "The person starting the selection");
        StartedAt = startedAt;
        Version = Guid.NewGuid();
        var order = 0;
        foreach (var criterion in WeightedCriteria.Validate(criteria))
        {
            _criteria.Add(new SelectionCriterion(criterion.Name, criterion.Weight, criterion.MustHave, ++order));
        }

        foreach (var evaluatorId in evaluatorIds.Distinct())
        {
            AddEvaluator(evaluatorId, startedAt);
        }
    }

    // For EF Core.
    private VendorSelection()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    public EngagementType EngagementType { get; private set; }

    public SelectionStatus Status { get; private set; }

    public string StartedById { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public Guid? WinnerVendorId { get; private set; }

    /// <summary>The winner's engagement, created in Proposed state when the winner was chosen.</summary>
    public Guid? WinningEngagementId { get; private set; }

    public string? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Optimistic concurrency token; the audit interceptor moves it when candidates, criteria or panel change.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<SelectionCriterion> Criteria => _criteria;

    public IReadOnlyList<SelectionCandidate> Candidates => _candidates;

    public IReadOnlyList<SelectionEvaluator> Evaluators => _evaluators;

    public IReadOnlyList<CandidateScore> Scores => _scores;

    public bool IsOpen => Status == SelectionStatus.Open;

    public void Touch() => Version = Guid.NewGuid();

    public void AddCandidate(Guid vendorId, string vendorName, DateTimeOffset now)
    {
        EnsureOpen();
        if (_candidates.Any(c => c.VendorId == vendorId))
        {
            throw new DomainException($"{vendorName} is already a candidate.");
        }

        _candidates.Add(new SelectionCandidate(vendorId, now));
    }

    /// <summary>The candidate's scores go with it.</summary>
    public void RemoveCandidate(Guid vendorId)
    {
        EnsureOpen();
        _candidates.Remove(Candidate(vendorId));
        _scores.RemoveAll(s => s.VendorId == vendorId);
    }

    public void AddEvaluator(string evaluatorId, DateTimeOffset now)
    {
        EnsureOpen();
        var id = Require.UserId(evaluatorId, "The evaluator");
        if (_evaluators.Any(e => e.EvaluatorId == id))
        {
            throw new DomainException("This person is already on the panel.");
        }

        _evaluators.Add(new SelectionEvaluator(id, now));
    }

    /// <summary>Someone who has scored stays on the panel: removing them would silently change the ranking.</summary>
    public void RemoveEvaluator(string evaluatorId)
    {
        EnsureOpen();
        var evaluator = _evaluators.SingleOrDefault(e => e.EvaluatorId == evaluatorId)
            ?? throw new DomainException("This person is not on the panel.");
        if (_scores.Any(s => s.EvaluatorId == evaluatorId))
        {
            throw new DomainException("This evaluator has already scored; their scores count, so they stay on the panel.");
        }

        _evaluators.Remove(evaluator);
    }

    /// <summary>
    /// Replaces the criteria: existing ones (by id) are renamed, reweighted or marked must-have and keep their scores;
    /// new ones are added; the ones left out are removed with their scores.
    /// </summary>
    public void ReviseCriteria(IReadOnlyList<CriterionSpec> criteria)
    {
        EnsureOpen();
        var revised = WeightedCriteria.Validate(criteria);
        if (revised.FirstOrDefault(c => c.Id is { } id && _criteria.All(k => k.Id != id)) is { } unknown)
        {
            throw new DomainException($"The criterion {unknown.Name} is no longer on this selection; reload and try again.");
        }

        var kept = revised.Where(c => c.Id is not null).Select(c => c.Id!.Value).ToHashSet();
        _criteria.RemoveAll(c => !kept.Contains(c.Id));
        _scores.RemoveAll(s => !kept.Contains(s.CriterionId));
        var order = 0;
        foreach (var spec in revised)
        {
            order++;
            if (spec.Id is { } id)
            {
                _criteria.Single(c => c.Id == id).Revise(spec.Name, spec.Weight, spec.MustHave, order);
            }
            else
            {
                _criteria.Add(new SelectionCriterion(spec.Name, spec.Weight, spec.MustHave, order));
            }
        }
    }

    /// <summary>Records, changes or (with a null <paramref name="score"/>) clears the evaluator's own score.</summary>
    public void Score(string evaluatorId, Guid vendorId, Guid criterionId, int? score, DateTimeOffset now)
    {
        EnsureOpen();
        if (_evaluators.All(e => e.EvaluatorId != evaluatorId))
        {
            throw new DomainException("Only evaluators on this selection's panel score it; ask the training owner to add you.");
        }

        Candidate(vendorId);
        var criterion = _criteria.SingleOrDefault(c => c.Id == criterionId)
            ?? throw new DomainException("That criterion is no longer on this selection; reload and score again.");
        if (score is < CandidateScore.Lowest or > CandidateScore.Highest)
        {
            throw new DomainException($"A score for {criterion.Name} is from {CandidateScore.Lowest} to {CandidateScore.Highest}.");
        }

        var held = _scores.SingleOrDefault(s => s.EvaluatorId == evaluatorId && s.VendorId == vendorId && s.CriterionId == criterionId);
        switch (held, score)
        {
            case (null, { } value): _scores.Add(new CandidateScore(evaluatorId, vendorId, criterionId, value, now)); break;
            case ({ } existing, { } value): existing.Change(value, now); break;
            case ({ } existing, null): _scores.Remove(existing); break;
        }
    }

    /// <summary>
    /// Closes the selection on <paramref name="vendorId"/>. The caller creates the winner's engagement and records it with
    /// <see cref="RecordWinningEngagement"/> in the same save.
    /// </summary>
    public void ChooseWinner(Guid vendorId, IReadOnlyDictionary<Guid, string> vendorNames, string decidedById, DateTimeOffset now)
    {
        EnsureOpen();
        Candidate(vendorId);
        var result = Rank(vendorNames).Candidates.Single(c => c.VendorId == vendorId);
        if (result.RuledOut)
        {
            throw new DomainException($"{result.VendorName} is ruled out (scored 1 on {string.Join(", ", result.KnockOuts)}); it cannot win.");
        }

        if (result.Unscored)
        {
            throw new DomainException($"Nobody has scored {result.VendorName} yet; it cannot win.");
        }

        WinnerVendorId = vendorId;
        DecidedById = Require.UserId(decidedById, "The person choosing the winner");
        DecidedAt = now;
        Status = SelectionStatus.Decided;
    }

    public void RecordWinningEngagement(Guid engagementId)
    {
        if (Status != SelectionStatus.Decided || WinningEngagementId is not null)
        {
            throw new DomainException("The winning engagement is recorded once, when the winner is chosen.");
        }

        WinningEngagementId = engagementId;
    }

    private SelectionCandidate Candidate(Guid vendorId) =>
        _candidates.SingleOrDefault(c => c.VendorId == vendorId)
        ?? throw new DomainException("That vendor is not a candidate in this selection.");

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("The winner has been chosen; this selection is closed and no longer changes.");
        }
    }
}

public enum SelectionStatus
{
    Open,
    Decided,
}
