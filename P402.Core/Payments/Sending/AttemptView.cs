namespace P402.Core.Payments.Sending;

/// <summary>One broadcast of a settlement's transaction as the API and the dashboard show it (never the raw transaction).</summary>
public sealed record AttemptView(
    int Number,
    string TxHash,
    long Nonce,
    string Signer,
    long MaxFeePerGasWei,
    long MaxPriorityFeePerGasWei,
    long GasLimit,
    DateTime SentAt,
    AttemptOutcome Outcome,
    long? BlockNumber,
    long? GasUsed,
    long? EffectiveGasPriceWei,
    string? Note)
{
    internal static AttemptView From(SettlementAttempt a) => new(a.Number, a.TxHash, a.Nonce, a.Signer, a.MaxFeePerGasWei, a.MaxPriorityFeePerGasWei,
        a.GasLimit, a.SentAt, a.Outcome, a.BlockNumber, a.GasUsed, a.EffectiveGasPriceWei, a.Note);
}
