using System.Diagnostics;

namespace P402.Benchmarks.Load;

/// <summary>
/// A phase (warm-up or measurement) merged over all workers: every latency sorted, so percentiles
/// are exact, and the outcomes counted by HTTP status and by the answer's <c>reason</c>.
/// </summary>
internal sealed class PhaseResult
{
    public const string Ok = "ok";

    private readonly long[] _sorted;

    private PhaseResult(long[] sorted, IReadOnlyDictionary<string, long> outcomes, TimeSpan elapsed)
    {
        _sorted = sorted;
        Outcomes = outcomes;
        Elapsed = elapsed;
    }

    public TimeSpan Elapsed { get; }

    public IReadOnlyDictionary<string, long> Outcomes { get; }

    public long Requests => _sorted.Length;

    public long Succeeded => Outcomes.GetValueOrDefault(Ok);

    public long Errors => Requests - Succeeded;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double SucceededPerSecond => Succeeded / Elapsed.TotalSeconds;

    public static PhaseResult Merge(IReadOnlyList<WorkerStats> workers, TimeSpan elapsed)
    {
        var all = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(all);
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (outcome, count) in workers.SelectMany(w => w.Outcomes))
        {
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
        }
        return new PhaseResult(all, outcomes, elapsed);
    }

    /// <summary>The latency at or below which <paramref name="percent"/> % of requests finished (nearest rank), in ms.</summary>
    public double PercentileMs(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return ToMs(_sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)]);
    }

    public double MaxMs => _sorted.Length == 0 ? double.NaN : ToMs(_sorted[^1]);

    public double MeanMs => _sorted.Length == 0 ? double.NaN : ToMs((long)_sorted.Average());

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
