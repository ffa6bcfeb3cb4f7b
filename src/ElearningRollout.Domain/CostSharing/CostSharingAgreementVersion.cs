using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// A signed version of an agreement, frozen at the moment the second signature was given: the lines,
/// the term and who signed. Later versions change the agreement, never this record.
/// </summary>
[NotAudited("A frozen copy of the lines, written by the second signature: the signature and every line's change are audited already, on the agreement and its lines.")]
public sealed class CostSharingAgreementVersion
{
    internal CostSharingAgreementVersion(CostSharingAgreement agreement)
    {
        Id = Guid.CreateVersion7();
        Number = agreement.VersionNumber;
        TermMonths = agreement.TermMonths;
        TrainingSignedById = agreement.TrainingSignedById!;
        TrainingSignedAt = agreement.TrainingSignedAt!.Value;
        ItSignedById = agreement.ItSignedById!;
        ItSignedAt = agreement.ItSignedAt!.Value;
        Lines = agreement.Lines.Select(l => l.Snapshot()).OrderBy(l => l.Number).ToList();
    }

    // For EF Core.
    private CostSharingAgreementVersion()
    {
    }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public int TermMonths { get; private set; }

    public string TrainingSignedById { get; private set; } = "";

    public DateTimeOffset TrainingSignedAt { get; private set; }

    public string ItSignedById { get; private set; } = "";

    public DateTimeOffset ItSignedAt { get; private set; }

    public IReadOnlyList<CostLineSnapshot> Lines { get; private set; } = [];
}
