using Microsoft.Extensions.Options;
using P402.Core.Chain.Signers;
using P402.Core.Payments;

namespace P402.Core.Chain;

/// <summary>The facilitator's keys (balance, in-flight settlements, last error) and the gas price of the first configured network.</summary>
public sealed class ChainStatusService(ChainRuntime runtime, SettlementStore store, IOptions<ChainOptions> options)
{
    public async Task<ChainSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var network = runtime.Networks.Count > 0 ? runtime.Networks[0] : throw new InvalidOperationException("The chain is not started.");
        var balance = network.Rpc.GetBalanceAsync(runtime.FacilitatorAddress, cancellationToken);
        var block = network.Rpc.BlockNumberAsync(cancellationToken);
        var gasPrice = network.GasPriceAsync(cancellationToken);
        var signerBalances = network.Signers.RefreshBalancesAsync(force: true, cancellationToken);
        var inFlight = store.CountSubmittedBySignerAsync(network.Network, cancellationToken);
        await Task.WhenAll(balance, block, gasPrice, signerBalances, inFlight);
        var eth = ChainUnits.WeiToEth(await balance);
        var submitted = await inFlight;
        var signers = network.Signers.Accounts.Select(a => new SignerSnapshot(a.Address.ToString(), ChainUnits.WeiToEth(a.BalanceWei ?? 0),
            network.Signers.IsLow(a), submitted.GetValueOrDefault(a.Address.ToLowerHex()), a.LastError)).ToList();
        return new ChainSnapshot(network.Network, runtime.FacilitatorAddress.ToString(), eth, eth < options.Value.LowBalanceEth,
            await gasPrice, await block, runtime.DevChain is not null, network.Options.ExplorerTxUrl, signers);
    }
}
