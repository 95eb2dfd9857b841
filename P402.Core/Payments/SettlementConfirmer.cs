using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;
using P402.Core.Payments.Watcher;

namespace P402.Core.Payments;

/// <summary>
/// Waits, within a bound, for a submitted settlement to be finished by its network's watcher, and
/// records the verdicts the watcher hands it: Confirmed needs status 1, the token's Transfer log for
/// exactly this payment, and its block as deep as the network's confirmation depth and still the chain's.
/// A waiting request costs no RPC call: the watcher wakes it once the settlement is final.
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

    /// <summary>
    /// Records the verdict of a mined transaction. A success whose block is not yet <paramref name="deep"/> enough (the network's
    /// confirmation depth) is only noted as mined: the settlement stays Submitted, nobody is woken, and the watcher confirms it once its
    /// block is deep and still the chain's (<see cref="ConfirmMinedAsync"/>). A revert is final at once: nothing was paid.
    /// </summary>
    public async Task FinalizeAsync(Settlement settlement, TransactionReceipt receipt, bool deep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Succeeded && TransferLogs.Contains(receipt, settlement))
        {
            if (!deep)
            {
                await store.MarkMinedAsync(settlement, receipt, cancellationToken);
                return;
            }
            await store.MarkConfirmedAsync(settlement, receipt, cancellationToken);
            PaymentLog.Confirmed(logger, settlement.Id, receipt.BlockNumber);
        }
        else
        {
            var message = receipt.Succeeded ? "The transaction was mined without the expected Transfer." : "The transaction reverted on-chain.";
            await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, message, cancellationToken, mined: receipt);
        }
        waiters.Finished(settlement);
    }

    /// <summary>
    /// <see cref="FinalizeAsync"/> for all the receipts one watcher pass found: the successes are written in one transaction, then their
    /// waiters woken; a revert is recorded on its own (rare).
    /// </summary>
    public async Task FinalizeManyAsync(IReadOnlyList<(Settlement Settlement, TransactionReceipt Receipt, bool Deep)> found, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(found);
        var mined = new List<MinedSettlement>(found.Count);
        foreach (var (settlement, receipt, deep) in found)
        {
            if (receipt.Succeeded && TransferLogs.Contains(receipt, settlement))
            {
                mined.Add(new MinedSettlement(settlement, receipt, deep));
            }
            else
            {
                await FinalizeAsync(settlement, receipt, deep, cancellationToken);
            }
        }
        await store.MarkMinedManyAsync(mined, cancellationToken);
        foreach (var confirmed in mined.Where(m => m.Deep))
        {
            PaymentLog.Confirmed(logger, confirmed.Settlement.Id, confirmed.Receipt.BlockNumber);
            waiters.Finished(confirmed.Settlement);
        }
    }

    /// <summary>A mined settlement whose block is now deep enough and still the chain's: Confirmed, and its waiters woken.</summary>
    public async Task ConfirmMinedAsync(Settlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        await store.MarkDeepEnoughAsync(settlement, cancellationToken);
        PaymentLog.Confirmed(logger, settlement.Id, settlement.BlockNumber ?? 0);
        waiters.Finished(settlement);
    }

    /// <summary>
    /// The settlement's block was reorged out: it returns to Submitted and the watcher finishes it again. A <c>/settle</c> that was
    /// already answered success for it stays answered (<see cref="Settlement.DeliveredAt"/> is kept, so the payment is never delivered a
    /// second time): at depth 1 nothing can prevent that answer, a deeper <see cref="NetworkOptions.ConfirmationDepth"/> makes it rarer.
    /// The same signed transaction is mined again in the new chain (the authorization is unspent there); had the authorization expired
    /// meanwhile, it reverts and the settlement ends Failed, which the warning logged here (delivered or not) lets the operator follow up.
    /// </summary>
    public async Task ReorgedAsync(Settlement settlement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        WatcherLog.Reorged(logger, settlement.Id, settlement.BlockNumber ?? 0, settlement.BlockHash ?? "", settlement.DeliveredAt is not null);
        await store.ReturnToSubmittedAsync(settlement, cancellationToken);
    }

    private static bool IsFinal(Settlement settlement) => settlement.Status is SettlementStatus.Confirmed or SettlementStatus.Failed;

    private static string Payer(Settlement settlement) => Chain.Ethereum.EthAddress.Parse(settlement.Payer).ToString();
}
