using ElearningRollout.Domain.Risks;

namespace ElearningRollout.Application.Risks;

/// <summary>The form model for raising or editing a risk or an issue.</summary>
public sealed class RiskDraft
{
    public RiskEntryType Type { get; set; } = RiskEntryType.Risk;

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string OwningDepartment { get; set; } = "";

    public RiskSeverity Severity { get; set; } = RiskSeverity.Medium;

    /// <summary>Required for a risk, empty for an issue (an issue has already happened).</summary>
    public RiskLikelihood? Likelihood { get; set; } = RiskLikelihood.Possible;

    public string? OwnerId { get; set; }
}

public sealed record RiskListQuery(
    RiskEntryType? Type = null, RiskStatus? Status = null, RiskSeverity? Severity = null, string? OwningDepartment = null);

public sealed record RiskRow(
    Guid Id, RiskEntryType Type, string Title, string Description, string RaisedByDepartment, string OwningDepartment,
    RiskSeverity Severity, RiskLikelihood? Likelihood, RiskStatus Status, string? Owner, string? Resolution,
    DateTimeOffset RaisedAt, string RaisedBy, Guid Version, IReadOnlyList<RiskMove> Moves);

/// <summary>
/// A move the person reading may make on an entry now (<see cref="RiskEntry.ActionsFrom"/>, for those allowed to move
/// it), and whether it asks why: resolving and accepting do, closing does while the entry is still open.
/// </summary>
public sealed record RiskMove(RiskAction Action, bool AsksWhy);
