using System.Numerics;
using Microsoft.Extensions.Options;

namespace P402.Core.Chain;

/// <summary>The facilitator wallet's balance and the gas price of the first configured network.</summary>
public sealed class ChainStatusService(ChainRuntime runtime, IOptions<ChainOptions> options)
{
    private static readonly BigInteger WeiPerEth = BigInteger.Pow(10, 18);

    public async Task<ChainSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var network = runtime.Networks.Count > 0 ? runtime.Networks[0] : throw new InvalidOperationException("The chain is not started.");
        var balance = network.Rpc.GetBalanceAsync(runtime.FacilitatorAddress, cancellationToken);
        var block = network.Rpc.BlockNumberAsync(cancellationToken);
        var gasPrice = network.GasPriceAsync(cancellationToken);
        await Task.WhenAll(balance, block, gasPrice);
        var eth = ToEth(await balance);
        return new ChainSnapshot(network.Network, runtime.FacilitatorAddress.ToString(), eth, eth < options.Value.LowBalanceEth,
            await gasPrice, await block, runtime.DevChain is not null, network.Options.ExplorerTxUrl);
    }

    /// <summary>Wei to ETH with 18 decimals kept exactly (decimal holds 28 digits).</summary>
    private static decimal ToEth(BigInteger wei) =>
        (decimal)(wei / WeiPerEth) + ((decimal)(wei % WeiPerEth) / 1_000_000_000_000_000_000m);
}
