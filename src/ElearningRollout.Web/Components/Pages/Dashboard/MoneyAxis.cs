using System.Globalization;

namespace ElearningRollout.Web.Components.Pages.Dashboard;

/// <summary>
/// The value axis of a money chart: round steps (1, 2, 2.5 or 5 times a power of ten, about five of them up to the
/// largest bar) and marks written as money is written everywhere in the product (thousands separators, the currency),
/// so a reader sees 50,000 and 100,000 EUR, never 40960 and 81920.
/// </summary>
public sealed record MoneyAxis(int Step, double Top, string Currency)
{
    private static readonly double[] _roundFactors = [1, 2, 2.5, 5, 10];

    /// <summary>The axis for bars up to <paramref name="largest"/> in <paramref name="currency"/>.</summary>
    public static MoneyAxis For(decimal largest, string currency, int wantedSteps = 5)
    {
        var max = (double)Math.Max(largest, 0m);
        if (max == 0)
        {
            return new MoneyAxis(1, 1, currency);
        }

        var rough = max / wantedSteps;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // Whole units only (the chart's tick spacing is an integer): 2.5 is a round step from 25 up.
        var step = (int)Math.Max(1, _roundFactors.Select(f => f * magnitude).First(s => s >= rough && s % 1 == 0));
        return new MoneyAxis(step, Math.Ceiling(max / step) * step, currency);
    }

    /// <summary>The number of marks above zero, for the chart's tick limit.</summary>
    public int Marks => (int)Math.Round(Top / Step);

    /// <summary>A mark as money is written in the product (Money.ToString: invariant group separators, the currency after).</summary>
    public string Label(double value)
        => $"{value.ToString("N0", CultureInfo.InvariantCulture)} {Currency}";

    /// <summary>The axis title: which currency the marks are in.</summary>
    public string Title => $"Amount ({Currency})";
}
