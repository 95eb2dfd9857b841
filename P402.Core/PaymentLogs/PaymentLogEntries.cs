using P402.Core.Payments;

namespace P402.Core.PaymentLogs;

/// <summary>Builds log entries from what the facilitator saw and answered, cut to the columns' sizes.</summary>
public static class PaymentLogEntries
{
    public const int MaxMessageLength = 500;
    public const int MaxResourceLength = 2048;

    /// <summary>
    /// One answer (its id comes when it is written): <paramref name="payment"/> is what parsed (null when the request did not), <paramref name="reason"/>
    /// the P402 code of a refusal.
    /// </summary>
    public static PaymentLogEntry Create(PaymentLogContext context, int statusCode, bool valid, string? reason, string? message,
        ParsedPayment? payment, string? settlementId = null, string? txHash = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new PaymentLogEntry
        {
            MerchantId = context.MerchantId,
            ApiKeyId = context.ApiKeyId,
            RequestId = context.RequestId,
            Operation = context.Operation,
            StatusCode = statusCode,
            Valid = valid,
            Reason = Cut(reason, 64),
            Message = Cut(message, MaxMessageLength),
            Payer = payment?.Authorization.From.ToLowerHex(),
            PayTo = payment?.PayTo.ToLowerHex(),
            Amount = payment is { Amount: var amount } && amount >= 0 && amount <= long.MaxValue ? (long)amount : null,
            Network = Cut(payment?.Network, 64),
            Resource = Cut(payment?.Resource, MaxResourceLength),
            SettlementId = settlementId,
            TxHash = string.IsNullOrEmpty(txHash) ? null : txHash,
            CreatedAt = context.Time.GetUtcNow().UtcDateTime,
        };
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
