using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using P402.Core.Chain;
using P402.Core.Chain.Rpc;

namespace P402.Core.Payments;

/// <summary>
/// Waits, within a bound, for a submitted settlement's receipt and records the verdict: Confirmed
/// needs status 1 and the token's Transfer log for exactly this payment.
/// </summary>
public sealed class SettlementConfirmer(SettlementStore store, IOptions<ChainOptions> options, TimeProvider time, ILogger<SettlementConfirmer> logger)
{
    public async Task<SettleOutcome> WaitAsync(PaymentNetwork network, Settlement settlement, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + Ticks(options.Value.ConfirmationTimeoutSeconds);
        while (true)
        {
            var receipt = await TryGetReceiptAsync(network, settlement.TxHash!, cancellationToken);
            if (receipt is not null)
            {
                return await FinalizeAsync(settlement, receipt, cancellationToken);
            }
            if (time.GetTimestamp() >= deadline)
            {
                PaymentLog.StillPending(logger, settlement.Id, settlement.TxHash!);
                return SettlementOutcomes.FromRow(settlement, Payer(settlement));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReceiptPollMilliseconds), time, cancellationToken);
        }
    }

    /// <summary>For a request that finds the settlement already under way (a retry or a concurrent duplicate).</summary>
    public async Task<SettleOutcome> WaitForExistingAsync(PaymentNetwork network, string settlementId, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + Ticks(options.Value.ConfirmationTimeoutSeconds);
        while (true)
        {
            var settlement = (await store.FindAsync(settlementId, cancellationToken))!;
            if (settlement.Status is SettlementStatus.Confirmed or SettlementStatus.Failed)
            {
                return SettlementOutcomes.FromRow(settlement, Payer(settlement));
            }
            if (settlement is { Status: SettlementStatus.Submitted, TxHash: { } hash }
                && await TryGetReceiptAsync(network, hash, cancellationToken) is { } receipt)
            {
                return await FinalizeAsync(settlement, receipt, cancellationToken);
            }
            if (time.GetTimestamp() >= deadline)
            {
                return SettlementOutcomes.FromRow(settlement, Payer(settlement));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReceiptPollMilliseconds), time, cancellationToken);
        }
    }

    public async Task<SettleOutcome> FinalizeAsync(Settlement settlement, TransactionReceipt receipt, CancellationToken cancellationToken)
    {
        if (receipt.Succeeded && TransferLogs.Contains(receipt, settlement))
        {
            await store.MarkConfirmedAsync(settlement, receipt.BlockNumber, receipt.GasUsed, PaymentNetwork.ToLong(receipt.EffectiveGasPrice), cancellationToken);
            PaymentLog.Confirmed(logger, settlement.Id, receipt.BlockNumber);
            return SettleOutcome.Confirmed(settlement);
        }
        var message = receipt.Succeeded ? "The transaction was mined without the expected Transfer." : "The transaction reverted on-chain.";
        await store.MarkFailedAsync(settlement, PaymentCode.SettlementFailed, message, cancellationToken);
        return SettlementOutcomes.FromRow(settlement, Payer(settlement));
    }

    private static async Task<TransactionReceipt?> TryGetReceiptAsync(PaymentNetwork network, string hash, CancellationToken cancellationToken)
    {
        try
        {
            return await network.Rpc.GetTransactionReceiptAsync(hash, cancellationToken);
        }
        catch (RpcUnavailableException)
        {
            return null;
        }
    }

    private static string Payer(Settlement settlement) => Chain.Ethereum.EthAddress.Parse(settlement.Payer).ToString();

    private long Ticks(double seconds) => (long)(seconds * time.TimestampFrequency);
}
