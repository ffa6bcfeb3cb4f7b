using ElearningRollout.Domain.Common;

namespace ElearningRollout.Domain.CostSharing;

/// <summary>
/// Actual spend. It records what happened, not what was agreed, so it is recorded in any state and
/// never starts a new version; it belongs to the line, which keeps its id across versions.
/// </summary>
public sealed partial class CostSharingAgreement
{
    public ActualSpend RecordActual(Guid lineId, DateOnly spentOn, decimal amount, string? note, string recordedById, DateTimeOffset now)
    {
        var line = Line(lineId);
        var spend = new ActualSpend(
            line.Id,
            spentOn,
            Money.RequireAmount(amount, "The amount spent"),
            Require.OptionalText(note, "The note", ActualSpend.MaxNoteLength),
            Require.UserId(recordedById, "The person recording the spend"),
            now);
        _actuals.Add(spend);
        return spend;
    }

    public IEnumerable<ActualSpend> ActualsOf(Guid lineId) => _actuals.Where(a => a.CostLineId == lineId);
}
