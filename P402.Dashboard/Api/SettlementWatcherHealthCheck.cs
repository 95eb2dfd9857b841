using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Payments.Watcher;

namespace P402.Dashboard.Api;

/// <summary>
/// Healthy while every network's settlement watcher runs and has completed a pass recently; its
/// data says, per network, the last block seen, how many settlements it follows and its last error.
/// </summary>
internal sealed class SettlementWatcherHealthCheck(SettlementWatchers watchers, IOptions<ChainOptions> options, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = watchers.Statuses;
        var data = new Dictionary<string, object>();
        var stale = TimeSpan.FromSeconds(Math.Max(30, options.Value.WatcherRecheckSeconds * 3));
        var problems = new List<string>();
        foreach (var status in statuses)
        {
            data[status.Network] = $"{(status.Running ? "running" : "stopped")}, block {status.Head?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, "
                + $"following {status.Following}{(status.LastError is { } error ? $", last error: {error}" : "")}";
            if (!status.Running)
            {
                problems.Add($"{status.Network}: the settlement watcher is not running.");
            }
            else if (status.LastPassAt is not { } last || time.GetUtcNow() - last > stale)
            {
                problems.Add($"{status.Network}: the settlement watcher has not completed a pass for {stale.TotalSeconds:0} s.");
            }
        }
        var result = statuses.Count == 0
            ? HealthCheckResult.Unhealthy("No settlement watcher runs.")
            : problems.Count > 0
                ? HealthCheckResult.Unhealthy(string.Join(" ", problems), data: data)
                : HealthCheckResult.Healthy("Every network's settlement watcher runs.", data);
        return Task.FromResult(result);
    }
}
