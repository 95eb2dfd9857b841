namespace P402.Core.Chain;

/// <summary>Finds the configured network a request names (v1 by its short name, v2 by CAIP-2).</summary>
public sealed class PaymentNetworks(ChainRuntime runtime)
{
    public IReadOnlyList<PaymentNetwork> All => runtime.Networks;

    public bool TryResolve(string name, int x402Version, out PaymentNetwork? network)
    {
        network = runtime.Networks.FirstOrDefault(n => string.Equals(
            x402Version == 1 ? n.Options.V1Name : n.Options.Network, name, StringComparison.OrdinalIgnoreCase));
        return network is not null;
    }

    public PaymentNetwork? Find(string caip2) =>
        runtime.Networks.FirstOrDefault(n => string.Equals(n.Network, caip2, StringComparison.OrdinalIgnoreCase));
}
