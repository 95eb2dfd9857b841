using System.Globalization;

namespace P402.Benchmarks.Load;

/// <summary>Prints a run: throughput, latency percentiles, outcomes, CPU by process, and a README table row.</summary>
internal static class LoadReport
{
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public static async Task WriteAsync(TextWriter output, LoadOptions options, string loadBefore, PhaseResult warmup, PhaseResult run, CpuUsage cpu)
    {
        var c = CultureInfo.InvariantCulture;
        var date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", c);
        var batch = (options.Batch ? " (batch)" : "") + (options.Rate is { } rate ? string.Create(c, $" at {rate:0}/s") : "");
        await output.WriteLineAsync(string.Create(c,
            $"scenario {options.Scenario}{batch}, {options.Connections} connections, {run.Elapsed.TotalSeconds:0.0} s after {warmup.Elapsed.TotalSeconds:0.0} s warm-up ({warmup.Requests} requests)"));
        await output.WriteLineAsync($"machine: nproc {Environment.ProcessorCount}, load average before {loadBefore}, after {LoadAverage()}, {date}");
        await output.WriteLineAsync(string.Create(c,
            $"requests {run.Requests}, {run.RequestsPerSecond:0.0} req/s, ok {run.Succeeded} ({run.SucceededPerSecond:0.0}/s), errors {run.Errors}"));
        await output.WriteLineAsync(string.Create(c,
            $"latency ms: mean {run.MeanMs:0.00}  p50 {run.PercentileMs(50):0.00}  p90 {run.PercentileMs(90):0.00}  p99 {run.PercentileMs(99):0.00}  max {run.MaxMs:0.00}"));
        foreach (var (outcome, count) in run.Outcomes)
        {
            await output.WriteLineAsync(string.Create(c, $"  {outcome,-40} {count,10}"));
        }
        await output.WriteLineAsync(string.Create(c, $"cpu over {cpu.Elapsed.TotalSeconds:0.0} s: machine {cpu.MachineBusy:P0} busy of {Environment.ProcessorCount} cores"));
        foreach (var (name, seconds) in cpu.Processes)
        {
            var perRequest = run.Requests == 0 ? 0 : seconds * 1000 / run.Requests;
            await output.WriteLineAsync(string.Create(c,
                $"  {name,-16} {seconds,7:0.00} s = {seconds / cpu.Elapsed.TotalSeconds,5:0.00} cores, {perRequest:0.000} ms CPU per request"));
        }
        var errors = run.Errors == 0 ? "0" : string.Join(", ", run.Outcomes.Where(o => o.Key != PhaseResult.Ok).Select(o => $"{o.Value} {o.Key}"));
        await output.WriteLineAsync(string.Create(c,
            $"| {options.Scenario}{batch} | {options.Connections} | {run.RequestsPerSecond:0} | {run.PercentileMs(50):0.0} | {run.PercentileMs(99):0.0} | {run.MaxMs:0.0} | {errors} | {loadBefore.Split(' ')[0]} | {date} |"));
    }
}
