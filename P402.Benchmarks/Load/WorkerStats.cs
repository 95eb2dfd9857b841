namespace P402.Benchmarks.Load;

/// <summary>One worker's record of a phase: every latency (Stopwatch ticks) and a count per outcome.</summary>
internal sealed class WorkerStats
{
    public List<long> Latencies { get; } = new(capacity: 16 * 1024);

    public Dictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public void Record(long ticks, string outcome)
    {
        Latencies.Add(ticks);
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
    }
}
