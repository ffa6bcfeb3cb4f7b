using ElearningRollout.Domain.Gates;
using ElearningRollout.Web.Components.Shared;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Gates;

/// <summary>The words and icons of the gate screens, so a state always reads the same and never relies on colour alone.</summary>
public static class GateText
{
    public static string IconOf(GateState state) => state switch
    {
        GateState.Draft => Icons.Material.Filled.EditNote,
        GateState.Submitted => Icons.Material.Filled.Send,
        GateState.InReview => Icons.Material.Filled.HourglassTop,
        GateState.Approved => Icons.Material.Filled.CheckCircle,
        GateState.ApprovedWithConditions => Icons.Material.Filled.Rule,
        GateState.Rejected => Icons.Material.Filled.Cancel,
        _ => Icons.Material.Filled.DoNotDisturbOn,
    };

    public static string Name(this ChecklistItemState state) => state switch
    {
        ChecklistItemState.NotApplicable => "Not applicable",
        _ => state.ToString(),
    };

    public static string IconOf(ChecklistItemState state) => state switch
    {
        ChecklistItemState.Met => Icons.Material.Filled.CheckCircle,
        ChecklistItemState.NotApplicable => Icons.Material.Filled.RemoveCircleOutline,
        ChecklistItemState.Failed => Icons.Material.Filled.Error,
        _ => Icons.Material.Filled.RadioButtonUnchecked,
    };

    public static Color ColorOf(ChecklistItemState state) => state switch
    {
        ChecklistItemState.Met => Color.Success,
        ChecklistItemState.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string Name(this GateDecision decision) => decision switch
    {
        GateDecision.ApprovedWithConditions => "Approved with conditions",
        _ => decision.ToString(),
    };

    /// <summary>A moment in the reader's terms; stored times are UTC, so the page says so.</summary>
    public static string Moment(DateTimeOffset? at) => Moments.Of(at);
}
