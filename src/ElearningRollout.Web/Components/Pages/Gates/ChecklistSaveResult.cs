using ElearningRollout.Application.Gates;
using ElearningRollout.Web.Components.Shared;

namespace ElearningRollout.Web.Components.Pages.Gates;

/// <summary>What came of saving the checklist form: the outcome, and the items someone else set meanwhile (on a conflict).</summary>
public sealed record ChecklistSaveResult(CommandOutcome Outcome, IReadOnlyList<ChecklistItemConflict> Conflicts)
{
    public static ChecklistSaveResult Of(CommandOutcome outcome) => new(outcome, []);
}
