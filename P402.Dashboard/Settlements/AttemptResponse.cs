using System.Globalization;
using P402.Core.Payments.Sending;

namespace P402.Dashboard.Settlements;

/// <summary>One broadcast of a settlement's transaction in the REST API; wei as decimal strings.</summary>
public sealed record AttemptResponse(
    int Number,
    string TxHash,
    long Nonce,
    string Signer,
    string MaxFeePerGas,
    string MaxPriorityFeePerGas,
    long GasLimit,
    DateTime SentAt,
    string Outcome,
    long? BlockNumber,
    long? GasUsed,
    string? EffectiveGasPrice,
    string? Note)
{
    public static AttemptResponse From(AttemptView a) => new(a.Number, a.TxHash, a.Nonce, a.Signer,
        a.MaxFeePerGasWei.ToString(CultureInfo.InvariantCulture), a.MaxPriorityFeePerGasWei.ToString(CultureInfo.InvariantCulture), a.GasLimit,
        a.SentAt, a.Outcome.ToString().ToLowerInvariant(), a.BlockNumber, a.GasUsed, a.EffectiveGasPriceWei?.ToString(CultureInfo.InvariantCulture), a.Note);
}
