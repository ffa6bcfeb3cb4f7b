using System.Globalization;
using ElearningRollout.Application.CostSharing;
using ElearningRollout.Domain.CostSharing;
using MudBlazor;

namespace ElearningRollout.Web.Components.Pages.Rollouts.Costs;

/// <summary>The words and colours of the Costs tab, so every part of it says the same thing the same way.</summary>
public static class CostText
{
    public static string Name(this AgreementState state) => state.ToString();

    public static Color ColorOf(AgreementState state) => state switch
    {
        AgreementState.Signed => Color.Success,
        AgreementState.Proposed => Color.Info,
        _ => Color.Default,
    };

    public static string IconOf(AgreementState state) => state switch
    {
        AgreementState.Signed => Icons.Material.Filled.Verified,
        AgreementState.Proposed => Icons.Material.Filled.Send,
        _ => Icons.Material.Filled.EditNote,
    };

    /// <summary>"Training 60% · IT 40%".</summary>
    public static string Split(IEnumerable<DepartmentShare> shares) =>
        string.Join(" · ", shares.Select(s => $"{s.Department} {CostSplit.Percent(s.Percent)}"));

    /// <summary>Invariant like the CSV, so the figures on screen and in the export read the same.</summary>
    public static string Format(Money money) => money.ToString();

    /// <summary>A variance with its sign spelled out, so it never depends on colour.</summary>
    public static string Variance(Money variance) => variance.Amount switch
    {
        > 0 => $"{Format(variance)} over",
        < 0 => $"{Format(new Money(-variance.Amount, variance.Currency))} under",
        _ => "On budget",
    };

    public static string Signature(AgreementSide side, SignatureView? signature) => signature is null
        ? $"{side.DisplayName()}: not signed yet"
        : $"{side.DisplayName()}: signed by {signature.SignedBy} on {When(signature.SignedAt)}";

    public static string Term(int months) => months == 1 ? "1 month" : $"{months.ToString(CultureInfo.InvariantCulture)} months";

    public static string When(DateTimeOffset at) => at.ToLocalTime().ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Name(this CostNature nature) => nature.ToString();

    public static string Name(this LineChangeKind kind) => kind.ToString();
}
