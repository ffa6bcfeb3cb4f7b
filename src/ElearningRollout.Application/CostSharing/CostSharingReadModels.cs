using ElearningRollout.Application.Common;
using ElearningRollout.Domain.CostSharing;

namespace ElearningRollout.Application.CostSharing;

/// <summary>The "Costs" tab of a rollout. <see cref="Agreement"/> is null until the owner creates one.</summary>
/// <param name="Comments">The agreement's thread, oldest first: how IT proposes changes and how both sides discuss them.</param>
/// <param name="Engagements">The rollout's vendor engagements a cost line can name (what it pays for).</param>
public sealed record CostsTab(
    string RolloutCode, string RolloutTitle, CostAgreementView? Agreement, CostPermissions Can, IReadOnlyList<CommentView> Comments,
    IReadOnlyList<EngagementChoice> Engagements);

/// <summary>A vendor engagement as a cost line names it, e.g. "Skyline LMS Cloud, LMS platform".</summary>
public sealed record EngagementChoice(Guid Id, string Label);

/// <summary>
/// What the signed-in person may do now (the server checks again on every command).
/// <see cref="EditLines"/> (lines and term) on a signed agreement starts its next version, which needs both
/// signatures again: the UI should say so before the first change. <see cref="SignsAs"/> is the side their
/// signature would count for, when <see cref="Sign"/> is true.
/// </summary>
public sealed record CostPermissions(
    bool CreateAgreement, bool EditLines, bool Propose, bool Withdraw, bool Sign, AgreementSide? SignsAs, bool RecordActuals, bool Comment);

/// <summary>The current version of the agreement with its figures; all money is per currency, never mixed.</summary>
/// <param name="Version">The concurrency token every command takes back as expectedVersion.</param>
/// <param name="ChangesSincePreviousVersion">From the last signed version to this one; null for version 1.</param>
/// <param name="ProposeRefusal">Why the agreement cannot be proposed now, in the agreement's own words; null when it can.</param>
public sealed record CostAgreementView(
    Guid Id,
    AgreementState State,
    int VersionNumber,
    int TermMonths,
    Guid Version,
    SignatureView? TrainingSignature,
    SignatureView? ItSignature,
    IReadOnlyList<CostLineView> Lines,
    IReadOnlyList<DepartmentTotal> DepartmentTotals,
    IReadOnlyList<CurrencyTotal> CurrencyTotals,
    IReadOnlyList<DepartmentVariance> DepartmentVariances,
    IReadOnlyList<AgreementVersionSummary> EarlierVersions,
    AgreementChanges? ChangesSincePreviousVersion,
    BudgetAgreementStatus BudgetStatus,
    string? ProposeRefusal);

public sealed record SignatureView(AgreementSide Side, string SignedBy, DateTimeOffset SignedAt);

/// <summary>A line as agreed: its amount per payment, its split and each department's part of one payment.</summary>
public sealed record BudgetLineView(
    Guid Id,
    int Number,
    CostCategory Category,
    string CategoryName,
    string Description,
    Money Amount,
    CostNature Nature,
    CostRecurrence Recurrence,
    string RecurrenceName,
    Guid? VendorEngagementId,
    IReadOnlyList<DepartmentShare> Split,
    IReadOnlyList<DepartmentAmount> Allocation,
    Money BudgetOverTerm)
{
    /// <summary>The form model for editing, filled with what is stored now.</summary>
    public CostLineDraft ToDraft() => new()
    {
        Category = Category,
        Description = Description,
        Amount = Amount.Amount,
        Currency = Amount.Currency,
        Nature = Nature,
        Recurrence = Recurrence,
        VendorEngagementId = VendorEngagementId,
        Split = Split.Select(s => new SplitShareDraft { Department = s.Department, Percent = s.Percent }).ToList(),
    };
}

/// <summary>A line of the current version with what was actually spent on it (Variance.IsOverBudget flags it).</summary>
public sealed record CostLineView(BudgetLineView Line, LineVariance Variance, IReadOnlyList<ActualSpendView> Actuals);

public sealed record ActualSpendView(Guid Id, DateOnly SpentOn, Money Amount, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A signed version in the list of earlier versions; open it with GetVersionAsync.</summary>
public sealed record AgreementVersionSummary(
    int Number, int TermMonths, int LineCount, SignatureView TrainingSignature, SignatureView ItSignature, IReadOnlyList<CurrencyTotal> Totals);

/// <summary>One version as it was agreed (or, for the current unsigned version, as it stands).</summary>
public sealed record CostAgreementVersionView(
    int Number,
    AgreementState State,
    bool IsCurrent,
    int TermMonths,
    SignatureView? TrainingSignature,
    SignatureView? ItSignature,
    IReadOnlyList<BudgetLineView> Lines,
    IReadOnlyList<DepartmentTotal> DepartmentTotals,
    IReadOnlyList<CurrencyTotal> CurrencyTotals,
    AgreementChanges? ChangesFromPreviousVersion);

/// <summary>
/// What the budget agreement gate asks: does every cost line have a category and a department split
/// (at least one line), and is the current version signed by both sides.
/// </summary>
public sealed record BudgetAgreementStatus(
    bool HasAgreement, bool EveryLineCategorisedAndSplit, bool IsSigned, AgreementState? State, int? VersionNumber, int? LastSignedVersion)
{
    public static readonly BudgetAgreementStatus None = new(false, false, false, null, null, null);

    public static BudgetAgreementStatus Of(CostSharingAgreement agreement) => new(
        true, agreement.EveryLineCategorisedAndSplit, agreement.IsSigned, agreement.State, agreement.VersionNumber,
        agreement.Versions.Count == 0 ? null : agreement.Versions.Max(v => v.Number));
}
