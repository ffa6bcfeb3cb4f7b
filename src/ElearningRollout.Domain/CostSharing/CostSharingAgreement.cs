using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// How Training and IT share a rollout's costs: one agreement per rollout, its own aggregate (referenced by
/// <see cref="RolloutId"/>) because both sides work on it. Editing lines: CostSharingAgreement.Lines.cs;
/// proposing, signing and versions: CostSharingAgreement.Signing.cs; actual spend: CostSharingAgreement.Spend.cs.
/// </summary>
public sealed partial class CostSharingAgreement : IAggregateRoot, IBelongsToRollout
{
    private readonly List<CostLine> _lines = [];
    private readonly List<ActualSpend> _actuals = [];
    private readonly List<CostSharingAgreementVersion> _versions = [];

    public CostSharingAgreement(Guid rolloutId, int termMonths, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        RolloutId = rolloutId;
        TermMonths = RequireTerm(termMonths);
        State = AgreementState.Draft;
        VersionNumber = 1;
        CreatedAt = createdAt;
        Version = Guid.NewGuid();
    }

    // For EF Core.
    private CostSharingAgreement()
    {
    }

    public Guid Id { get; private set; }

    public Guid RolloutId { get; private set; }

    /// <summary>How many months the agreement covers; recurring costs are budgeted over it.</summary>
    public int TermMonths { get; private set; }

    public AgreementState State { get; private set; }

    /// <summary>1 for the first agreement; each change after signing makes the next number.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The highest line number given so far; numbers of removed lines are not given again.</summary>
    public int LastLineNumber { get; private set; }

    public string? TrainingSignedById { get; private set; }

    public DateTimeOffset? TrainingSignedAt { get; private set; }

    public string? ItSignedById { get; private set; }

    public DateTimeOffset? ItSignedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency token; the application layer calls <see cref="Touch"/> on every save.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<CostLine> Lines => _lines;

    public IReadOnlyList<ActualSpend> Actuals => _actuals;

    /// <summary>Every signed version, the current one included once it is signed.</summary>
    public IReadOnlyList<CostSharingAgreementVersion> Versions => _versions;

    public bool IsSigned => State == AgreementState.Signed;

    /// <summary>The budget agreement gate's question: is every line categorised and split between departments?</summary>
    public bool EveryLineCategorisedAndSplit =>
        _lines.Count > 0 && _lines.All(l => Enum.IsDefined(l.Category) && l.Split.Shares.Sum(s => s.Percent) == 100m);

    public void Touch() => Version = Guid.NewGuid();

    public IReadOnlyList<DepartmentTotal> DepartmentTotals() => CostTotals.PerDepartment(_lines, TermMonths);

    public IReadOnlyList<CurrencyTotal> CurrencyTotals() => CostTotals.PerCurrency(_lines, TermMonths);

    public LineVariance VarianceOf(CostLine line) => CostVariance.ForLine(line, _actuals, TermMonths);

    public IReadOnlyList<DepartmentVariance> DepartmentVariances() => CostVariance.PerDepartment(_lines, _actuals, TermMonths);

    public void ChangeTerm(int termMonths)
    {
        var term = RequireTerm(termMonths);
        if (term == TermMonths)
        {
            return;
        }

        EnsureEditable();
        TermMonths = term;
    }

    private static int RequireTerm(int termMonths) => termMonths is >= CostTerm.MinMonths and <= CostTerm.MaxMonths
        ? termMonths
        : throw new DomainException($"The term must be between {CostTerm.MinMonths} and {CostTerm.MaxMonths} months.");
}
