using System.Diagnostics;

namespace P402.Benchmarks.Load;

/// <summary>
/// N workers, each with one request in flight at a time: a warm-up, then the measured phase. Closed
/// loop by default (the next request leaves when the answer arrives); with a rate, each worker sends
/// on a fixed schedule and latency counts from the scheduled time, so a slow answer that delays the
/// next request is charged to the server, not hidden (no coordinated omission). When a phase's time
/// is up no new request starts, and the ones in flight are awaited (never cancelled), so that what the
/// server counted and what the client saw agree.
/// </summary>
internal static class LoadRunner
{
    public static async Task<(PhaseResult Warmup, PhaseResult Measured, CpuUsage Cpu)> RunAsync(
        ILoadScenario scenario, HttpClient http, LoadOptions options)
    {
        var warmup = await RunPhaseAsync(scenario, http, options, options.Warmup);
        var cpu = CpuUsage.Start(options.Pids);
        var measured = await RunPhaseAsync(scenario, http, options, options.Duration);
        return (warmup, measured, cpu.Stop());
    }

    private static async Task<PhaseResult> RunPhaseAsync(ILoadScenario scenario, HttpClient http, LoadOptions options, TimeSpan duration)
    {
        var connections = options.Connections;
        var workers = Enumerable.Range(0, connections).Select(_ => new WorkerStats()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        // Each worker's interval between sends; the workers' schedules are staggered across one interval.
        var interval = options.Rate is { } rate ? (long)(connections / rate * Stopwatch.Frequency) : 0;
        var tasks = workers.Select((stats, index) => Task.Run(() =>
            WorkAsync(scenario, http, index, stats, started + interval * index / connections, interval, stopAt)));
        await Task.WhenAll(tasks);
        return PhaseResult.Merge(workers, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WorkAsync(ILoadScenario scenario, HttpClient http, int worker, WorkerStats stats,
        long firstSend, long interval, long stopAt)
    {
        var scheduled = firstSend;
        while ((interval > 0 ? scheduled : Stopwatch.GetTimestamp()) < stopAt)
        {
            if (interval > 0)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            var begun = interval > 0 ? scheduled : Stopwatch.GetTimestamp();
            scheduled += interval;
            string outcome;
            try
            {
                outcome = await scenario.SendAsync(http, worker, CancellationToken.None);
            }
            catch (HttpRequestException e)
            {
                outcome = $"exception {e.HttpRequestError}";
            }
            catch (TaskCanceledException)
            {
                outcome = "timeout";
            }
            stats.Record(Stopwatch.GetTimestamp() - begun, outcome);
        }
    }
}
