using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using P402.Core.Chain.Signers;
using P402.Core.Data;

namespace P402.Dashboard.Api;

/// <summary>
/// How this instance coordinates with the others on one PostgreSQL database: whether the <c>LISTEN/NOTIFY</c> relay is
/// listening or reconnecting (degraded: caches then live only seconds and live updates pause), and each signer key's
/// lease as this instance holds it (held, yielding, waiting, idle). On SQLite: one instance, nothing to coordinate.
/// </summary>
internal sealed class ScaleOutHealthCheck(MerchantEventRelay relay, ISignerLeases leases, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return Task.FromResult(HealthCheckResult.Healthy("One instance (SQLite): nothing to coordinate.",
                new Dictionary<string, object> { ["relay"] = "off", ["leases"] = "single instance" }));
        }
        var data = new Dictionary<string, object> { ["relay"] = relay.IsListening ? "listening" : "reconnecting" };
        foreach (var lease in leases.States)
        {
            data[$"lease {lease.Key}"] = $"{lease.State}{(lease.Epoch is { } epoch ? $", epoch {epoch}" : "")}, {lease.Uses} sending, {lease.Waiting} waiting"
                + (lease.LastError is { } error ? $", last error: {error}" : "");
        }
        return Task.FromResult(relay.IsListening
            ? HealthCheckResult.Healthy("Listening for the other instances' events.", data)
            : HealthCheckResult.Degraded("Reconnecting to PostgreSQL to listen for the other instances' events.", data: data));
    }
}
