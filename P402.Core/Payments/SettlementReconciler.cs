using Microsoft.Extensions.Logging;
using P402.Core.Chain;
using P402.Core.Chain.Ethereum;
using P402.Core.Chain.Rpc;

namespace P402.Core.Payments;

/// <summary>
/// The start-up step that finishes what a crash interrupted. Pending rows never got a signed
/// transaction, so they fail safely; Submitted rows are settled from the chain: confirmed from their
/// receipt, or their stored transaction is broadcast again (same nonce, same hash: never a second payment).
/// </summary>
public sealed class SettlementReconciler(PaymentNetworks networks, SettlementStore store, SettlementConfirmer confirmer, ILogger<SettlementReconciler> logger)
{
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedAsync(cancellationToken);
        if (unfinished.Count == 0)
        {
            return;
        }
        PaymentLog.Reconciling(logger, unfinished.Count);
        foreach (var settlement in unfinished)
        {
            var network = networks.Find(settlement.Network);
            if (settlement.Status == SettlementStatus.Pending || network is null || settlement.TxHash is null)
            {
                await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, "Interrupted before a transaction was sent.", cancellationToken);
                continue;
            }
            await ReconcileSubmittedAsync(network, settlement, cancellationToken);
        }
    }

    private async Task ReconcileSubmittedAsync(PaymentNetwork network, Settlement settlement, CancellationToken cancellationToken)
    {
        try
        {
            if (await network.Rpc.GetTransactionReceiptAsync(settlement.TxHash!, cancellationToken) is { } receipt)
            {
                await confirmer.FinalizeAsync(settlement, receipt, cancellationToken);
                return;
            }
            if (await network.Rpc.GetTransactionByHashAsync(settlement.TxHash!, cancellationToken) is null && settlement.RawTransaction is { } raw)
            {
                PaymentLog.Rebroadcast(logger, settlement.Id);
                await network.Rpc.SendRawTransactionAsync(Hex.Decode(raw), cancellationToken);
            }
        }
        catch (JsonRpcException refused)
        {
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, $"Not mined and refused on re-broadcast: {refused.Message}", cancellationToken);
        }
        catch (RpcUnavailableException)
        {
            // Left Submitted: the next start, or a retry of the payment, finishes it.
        }
    }
}
