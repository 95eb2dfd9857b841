using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Payments.Watcher;

namespace P402.Core.Payments;

/// <summary>
/// Waits, within a bound, for a submitted settlement to be finished by its network's watcher, and
/// records the verdict the watcher hands it: Confirmed needs status 1 and the token's Transfer log for
/// exactly this payment. A waiting request costs no RPC call: the watcher wakes it.
/// </summary>
public sealed class SettlementConfirmer(SettlementStore store, SettlementWaiters waiters, IOptions<ChainOptions> options, TimeProvider time,
    ILogger<SettlementConfirmer> logger)
{
    public Task<SettleOutcome> WaitAsync(PaymentNetwork network, Settlement settlement, CancellationToken cancellationToken) =>
        WaitForExistingAsync(network, settlement.Id, cancellationToken);

    /// <summary>For the request that submitted it, a retry, or a concurrent duplicate: the outcome once known, else pending.</summary>
    public async Task<SettleOutcome> WaitForExistingAsync(PaymentNetwork network, string settlementId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        var settlement = (await store.FindAsync(settlementId, cancellationToken))!;
        if (IsFinal(settlement))
        {
            return SettlementOutcomes.FromRow(settlement, Payer(settlement));
        }
        var waiter = waiters.Register(settlementId);
        settlement = (await store.FindAsync(settlementId, cancellationToken))!;
        if (IsFinal(settlement))
        {
            return SettlementOutcomes.FromRow(settlement, Payer(settlement));
        }
        try
        {
            var finished = await waiter.Task.WaitAsync(TimeSpan.FromSeconds(options.Value.ConfirmationTimeoutSeconds), time, cancellationToken);
            return SettlementOutcomes.FromRow(finished, Payer(finished));
        }
        catch (TimeoutException)
        {
            waiters.Abandon(settlementId, waiter);
            settlement = (await store.FindAsync(settlementId, CancellationToken.None))!;
            if (!IsFinal(settlement))
            {
                PaymentLog.StillPending(logger, settlement.Id, settlement.TxHash ?? "");
            }
            return SettlementOutcomes.FromRow(settlement, Payer(settlement));
        }
    }

    /// <summary>Records the verdict of a mined transaction and wakes the requests waiting for it.</summary>
    public async Task<SettleOutcome> FinalizeAsync(Settlement settlement, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Succeeded && TransferLogs.Contains(receipt, settlement))
        {
            await store.MarkConfirmedAsync(settlement, receipt, cancellationToken);
            PaymentLog.Confirmed(logger, settlement.Id, receipt.BlockNumber);
        }
        else
        {
            var message = receipt.Succeeded ? "The transaction was mined without the expected Transfer." : "The transaction reverted on-chain.";
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, message, cancellationToken, mined: receipt);
        }
        waiters.Finished(settlement);
        return SettlementOutcomes.FromRow(settlement, Payer(settlement));
    }

    private static bool IsFinal(Settlement settlement) => settlement.Status is SettlementStatus.Confirmed or SettlementStatus.Failed;

    private static string Payer(Settlement settlement) => Chain.Ethereum.EthAddress.Parse(settlement.Payer).ToString();
}
