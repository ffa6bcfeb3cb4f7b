using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>
/// Builds the read models from a loaded agreement. Totals are computed here, in memory, from the lines of
/// one agreement (a few dozen at most): SQL would have to sum decimals, which SQLite does in floating point.
/// </summary>
internal static class CostSharingViewBuilder
{
    public static CostAgreementView Current(CostSharingAgreement agreement, IReadOnlyDictionary<string, string> names) => new(
        agreement.Id,
        agreement.State,
        agreement.VersionNumber,
        agreement.TermMonths,
        agreement.Version,
        Signature(AgreementSide.Training, agreement.TrainingSignedById, agreement.TrainingSignedAt, names),
        Signature(AgreementSide.It, agreement.ItSignedById, agreement.ItSignedAt, names),
        agreement.Lines.OrderBy(l => l.Number)
            .Select(l => new CostLineView(
                Line(l, agreement.TermMonths),
                agreement.VarianceOf(l),
                agreement.ActualsOf(l.Id).OrderByDescending(s => s.SpentOn).ThenByDescending(s => s.RecordedAt.UtcTicks)
                    .Select(s => new ActualSpendView(s.Id, s.SpentOn, new Money(s.Amount, l.Currency), s.Note, Name(names, s.RecordedById), s.RecordedAt))
                    .ToList()))
            .ToList(),
        agreement.DepartmentTotals(),
        agreement.CurrencyTotals(),
        agreement.DepartmentVariances(),
        agreement.Versions.Where(v => v.Number < agreement.VersionNumber).OrderByDescending(v => v.Number)
            .Select(v => new AgreementVersionSummary(
                v.Number, v.TermMonths, v.Lines.Count,
                Signature(AgreementSide.Training, v.TrainingSignedById, v.TrainingSignedAt, names)!,
                Signature(AgreementSide.It, v.ItSignedById, v.ItSignedAt, names)!,
                CostTotals.PerCurrency(v.Lines, v.TermMonths)))
            .ToList(),
        agreement.ChangesSincePreviousVersion(),
        BudgetAgreementStatus.Of(agreement),
        agreement.ProposeRefusal());

    /// <summary>"Version 2, line 3: Licences, LMS seats": what a comment is about, in the words of the version it was written on.</summary>
    public static string About(CostSharingAgreement agreement, AgreementComment comment)
    {
        var version = $"Version {comment.VersionNumber}";
        if (comment.LineNumber is not { } number)
        {
            return version;
        }

        var lines = comment.VersionNumber == agreement.VersionNumber
            ? agreement.Lines.Select(l => (l.Number, l.Description))
            : agreement.Versions.SingleOrDefault(v => v.Number == comment.VersionNumber)?.Lines.Select(l => (l.Number, l.Description)) ?? [];
        var description = lines.Where(l => l.Number == number).Select(l => l.Description).FirstOrDefault();
        return description is null ? $"{version}, line {number}" : $"{version}, line {number}: {description}";
    }

    /// <summary>A signed version from its snapshot, or the current unsigned version as it stands; null if there is no such version.</summary>
    public static CostAgreementVersionView? Version(CostSharingAgreement agreement, int number, IReadOnlyDictionary<string, string> names)
    {
        var isCurrent = number == agreement.VersionNumber;
        var signed = agreement.Versions.SingleOrDefault(v => v.Number == number);
        var previous = agreement.Versions.Where(v => v.Number < number).MaxBy(v => v.Number);
        if (signed is not null)
        {
            return Build(number, AgreementState.Signed, isCurrent, signed.TermMonths, signed.Lines,
                Signature(AgreementSide.Training, signed.TrainingSignedById, signed.TrainingSignedAt, names),
                Signature(AgreementSide.It, signed.ItSignedById, signed.ItSignedAt, names), previous);
        }

        return isCurrent
            ? Build(number, agreement.State, true, agreement.TermMonths, agreement.Lines,
                Signature(AgreementSide.Training, agreement.TrainingSignedById, agreement.TrainingSignedAt, names),
                Signature(AgreementSide.It, agreement.ItSignedById, agreement.ItSignedAt, names), previous)
            : null;
    }

    public static BudgetLineView Line(IBudgetLine line, int termMonths) => new(
        line.LineId, line.Number, line.Category, line.Category.DisplayName(), line.Description,
        new Money(line.Amount, line.Currency), line.Nature, line.Recurrence, line.Recurrence.DisplayName(), line.VendorEngagementId,
        line.Split.Shares, CostAllocation.Allocate(line), CostTerm.OverTerm(line, termMonths));

    public static string Name(IReadOnlyDictionary<string, string> names, string userId) =>
        names.TryGetValue(userId, out var name) ? name : "(a former user)";

    private static CostAgreementVersionView Build(
        int number, AgreementState state, bool isCurrent, int termMonths, IEnumerable<IBudgetLine> lines,
        SignatureView? training, SignatureView? it, CostSharingAgreementVersion? previous)
    {
        var ordered = lines.OrderBy(l => l.Number).ToList();
        var changes = previous is null
            ? null
            : AgreementChanges.Between(previous.Number, previous.TermMonths, previous.Lines, number, termMonths, ordered);
        return new CostAgreementVersionView(
            number, state, isCurrent, termMonths, training, it,
            ordered.Select(l => Line(l, termMonths)).ToList(),
            CostTotals.PerDepartment(ordered, termMonths),
            CostTotals.PerCurrency(ordered, termMonths),
            changes);
    }

    private static SignatureView? Signature(AgreementSide side, string? signedById, DateTimeOffset? signedAt, IReadOnlyDictionary<string, string> names) =>
        signedById is null || signedAt is null ? null : new SignatureView(side, Name(names, signedById), signedAt.Value);
}
