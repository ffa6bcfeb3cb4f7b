using System.Globalization;

namespace ElearningRollout.Web.Components.Pages.Rollouts.VendorSelection;

/// <summary>How the selection's page reads: points with two decimals, the same everywhere; why an add button waits.</summary>
public static class SelectionText
{
    // Screen state, not a rule: the add buttons wait for a choice in the field beside them.
    public const string ChooseVendorFirst = "Choose a vendor to add in the field beside this button first.";

    public const string ChoosePersonFirst = "Choose an evaluator to add in the field beside this button first.";

    public static string Points(decimal points) => points.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Average(decimal? average) => average is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "not scored";
}
