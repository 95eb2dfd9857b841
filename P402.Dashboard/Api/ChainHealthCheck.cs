using Microsoft.Extensions.Diagnostics.HealthChecks;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;

namespace P402.Dashboard.Api;

/// <summary>Healthy when every configured network's node answers with its chain id.</summary>
internal sealed class ChainHealthCheck(PaymentNetworks networks) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        foreach (var network in networks.All)
        {
            try
            {
                var block = await network.Rpc.BlockNumberAsync(cancellationToken);
                data[network.Network] = $"block {block}";
            }
            catch (Exception e) when (e is RpcUnavailableException or JsonRpcException)
            {
                return HealthCheckResult.Unhealthy($"{network.Network}: the node did not answer.", data: data);
            }
        }
        return networks.All.Count == 0 ? HealthCheckResult.Unhealthy("No network is started.") : HealthCheckResult.Healthy("Nodes answer.", data);
    }
}
