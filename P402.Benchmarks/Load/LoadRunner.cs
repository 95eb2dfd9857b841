using System.Diagnostics;

namespace P402.Benchmarks.Load;

/// <summary>
/// N workers, each with one request in flight at a time (closed loop): a warm-up, then the measured
/// phase. When a phase's time is up no new request starts, and the ones in flight are awaited (never
/// cancelled), so that what the server counted and what the client saw agree.
/// </summary>
internal static class LoadRunner
{
    public static async Task<(PhaseResult Warmup, PhaseResult Measured, CpuUsage Cpu)> RunAsync(
        ILoadScenario scenario, HttpClient http, LoadOptions options)
    {
        var warmup = await RunPhaseAsync(scenario, http, options.Connections, options.Warmup);
        var cpu = CpuUsage.Start(options.Pids);
        var measured = await RunPhaseAsync(scenario, http, options.Connections, options.Duration);
        return (warmup, measured, cpu.Stop());
    }

    private static async Task<PhaseResult> RunPhaseAsync(ILoadScenario scenario, HttpClient http, int connections, TimeSpan duration)
    {
        var workers = Enumerable.Range(0, connections).Select(_ => new WorkerStats()).ToArray();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = workers.Select((stats, index) => Task.Run(() => WorkAsync(scenario, http, index, stats, stopAt)));
        await Task.WhenAll(tasks);
        return PhaseResult.Merge(workers, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WorkAsync(ILoadScenario scenario, HttpClient http, int worker, WorkerStats stats, long stopAt)
    {
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var begun = Stopwatch.GetTimestamp();
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
