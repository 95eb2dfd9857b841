using Microsoft.Extensions.Logging;

namespace P402.Core.Payments;

/// <summary>
/// One payment, one delivery: of every <c>/settle</c> that finds a settlement confirmed, the one that claims it
/// (<see cref="SettlementStore.TryClaimDeliveryAsync"/>) is answered success; the others are answered
/// REPLAY_DETECTED naming the settlement's transaction, so that no resource server serves one payment twice.
/// A request with the payment id the success was answered to gets it again (x402's payment-identifier).
/// </summary>
public sealed class SettlementDelivery(SettlementStore store, ILogger<SettlementDelivery> logger)
{
    /// <summary>
    /// Claims the success of <paramref name="confirmed"/> (a success outcome of this command's settlement) for
    /// <paramref name="command"/>, whose payment id, if any, the caller has bound to this payment.
    /// </summary>
    public async Task<SettleOutcome> DeliverAsync(SettleOutcome confirmed, SettleCommand command, CancellationToken cancellationToken)
    {
        var settlement = confirmed.Settlement!;
        var paymentId = command.Payment.PaymentId;
        if (await store.TryClaimDeliveryAsync(settlement.Id, command.RequestId, paymentId, cancellationToken))
        {
            PaymentLog.Delivered(logger, settlement.Id, command.RequestId);
            return confirmed;
        }
        var row = await store.FindAsync(settlement.Id, cancellationToken) ?? settlement;
        if (paymentId is not null && string.Equals(row.DeliveredPaymentId, paymentId, StringComparison.Ordinal)
            && string.Equals(row.MerchantId, command.MerchantId, StringComparison.Ordinal))
        {
            return SettleOutcome.Confirmed(row);
        }
        PaymentLog.AlreadyDelivered(logger, settlement.Id, command.RequestId, row.DeliveredRequestId ?? "");
        return SettleOutcome.Failed(PaymentCode.ReplayDetected,
            $"This authorization was already settled in transaction {row.TxHash}, and that payment was answered to an earlier request.",
            confirmed.Payer, row.Network, row);
    }
}
