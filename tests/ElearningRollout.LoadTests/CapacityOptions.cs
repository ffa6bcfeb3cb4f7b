using System.Globalization;

namespace ElearningRollout.LoadTests;

/// <summary>
/// The capacity program's options. Without arguments: the quick profile (under 10 minutes on a 2-core machine).
/// <c>--rollouts N</c> generated portfolio (default 300), <c>--circuits K</c> idle circuits per memory step (default 60: what every circuit of a screen shares, such as the dashboard's snapshot and the server's buffer pools, is divided by K, and at 30 it added tens of KB to each circuit's figure),
/// <c>--viewers 1,10,30,60</c> open dashboards per cost step, <c>--changes C</c> gate changes per cost step (default 15: with 5, the medians' noise of about 10 ms
/// made V = 10 measure cheaper than V = 1, docs/performance.md),
/// <c>--repeat R</c> passes of the smallest and the largest V (default 1; the summary takes the medians of the passes' ratios
/// and costs per further viewer, docs/performance.md "How to run it"), <c>--open P</c> circuits during the tab-switch step (default 100), <c>--switches S</c> timed tab switches (default 42),
/// <c>--app path</c> the web app's dll (default: this build's own, same configuration), <c>--memory-only</c> only the memory
/// per idle circuit (and every type of component created per page, not only the thirty most frequent): it does not depend on the machine's load, unlike the processor
/// and latency steps, so it can be measured while trimming on a busy machine. <c>--background</c>: every open dashboard but the
/// first is a tab in the background (the browser says the page is hidden), for what a change costs when most viewers are
/// not looking; not the target's measure, which is of tabs in front.
/// </summary>
internal sealed record CapacityOptions(
    int Rollouts, int Circuits, IReadOnlyList<int> Viewers, int Changes, int OpenDuringSwitches, int Switches, string? App, bool MemoryOnly = false,
    bool Background = false, int Repeat = 1)
{
    public static CapacityOptions Parse(string[] args)
    {
        var options = new CapacityOptions(300, 60, [1, 10, 30, 60], 15, 100, 42, null);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--memory-only" or "--background")
            {
                options = args[i] == "--background" ? options with { Background = true } : options with { MemoryOnly = true };
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rollouts" => options with { Rollouts = Positive(value, args[i]) },
                "--circuits" => options with { Circuits = Positive(value, args[i]) },
                "--viewers" => options with { Viewers = value.Split(',').Select(v => Positive(v, args[i])).ToList() },
                "--changes" => options with { Changes = Positive(value, args[i]) },
                "--repeat" => options with { Repeat = Positive(value, args[i]) },
                "--open" => options with { OpenDuringSwitches = Positive(value, args[i]) },
                "--switches" => options with { Switches = Positive(value, args[i]) },
                "--app" => options with { App = Path.GetFullPath(value) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --rollouts N, --circuits K, --viewers 1,10,30,60, --changes C, --repeat R, --open P, --switches S, --app path, --memory-only, --background."),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs a positive whole number, not {value}.");
}
