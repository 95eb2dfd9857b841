using P402.Core.Chain;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Payments.Sending;

/// <summary>A signed transaction about to be recorded as a settlement's next attempt (stored before it is broadcast).</summary>
public sealed record AttemptDraft(string TxHash, string RawTransaction, string Signer, long Nonce, long MaxFeePerGasWei,
    long MaxPriorityFeePerGasWei, long GasLimit)
{
    internal static AttemptDraft Of(Eip1559Transaction transaction, SignedTransaction signed, EthAddress signer) => new(
        signed.HashHex, signed.RawHex, signer.ToLowerHex(), (long)transaction.Nonce, PaymentNetwork.ToLong(transaction.MaxFeePerGas),
        PaymentNetwork.ToLong(transaction.MaxPriorityFeePerGas), (long)transaction.GasLimit);
}
