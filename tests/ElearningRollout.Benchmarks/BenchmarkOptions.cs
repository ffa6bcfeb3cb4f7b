using System.Globalization;

namespace ElearningRollout.Benchmarks;

/// <summary>--rollouts N (default 10,000), --runs R measured runs after warm-up (default 30), --file path of the SQLite file.</summary>
internal sealed record BenchmarkOptions(int Rollouts, int Runs, string File)
{
    public const int WarmUpRuns = 5;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(10_000, 30, Path.Combine(Path.GetTempPath(), "elearning-rollout-benchmark.db"));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--rollouts" => options with { Rollouts = Positive(value, "--rollouts") },
                "--runs" => options with { Runs = Positive(value, "--runs") },
                "--file" => options with { File = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --rollouts N, --runs R, --file path."),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{option} must be a whole number above zero.");
}
