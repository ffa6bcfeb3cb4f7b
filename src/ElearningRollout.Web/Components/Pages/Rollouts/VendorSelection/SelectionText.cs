using System.Globalization;

namespace ElearningRollout.Web.Components.Pages.Rollouts.VendorSelection;

/// <summary>How the selection's numbers read: points with two decimals, the same everywhere on the page.</summary>
public static class SelectionText
{
    public static string Points(decimal points) => points.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Average(decimal? average) => average is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "not scored";
}
