using System.Numerics;
using Nethereum.Model;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// An EIP-1559 (type 2) transaction with an empty access list. <paramref name="To"/> is null for a
/// contract creation. Every integer must be in [0, 2^256); the fields are checked when it is encoded.
/// Encoding is Nethereum's (<see cref="Transaction1559"/>); the signature is <see cref="EthKey.Sign"/>'s.
/// </summary>
public sealed record Eip1559Transaction(
    BigInteger ChainId,
    BigInteger Nonce,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    BigInteger GasLimit,
    EthAddress? To,
    BigInteger Value,
    byte[] Data)
{
    public const byte TransactionType = 0x02;

    /// <summary>keccak256(0x02 || rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList])).</summary>
    public byte[] SigningHash() => ToNethereum().RawHash;

    /// <summary>Signs with <paramref name="key"/>; the result carries the raw bytes and the transaction hash.</summary>
    public SignedTransaction Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var transaction = ToNethereum();
        // Signed by EthKey (not Transaction1559Signer, which fails for a key whose first byte is zero).
        var signature = key.Sign(transaction.RawHash);
        transaction.SetSignature(new Signature(signature.R, signature.S, [signature.RecoveryId]));
        return SignedTransaction.FromRaw(transaction.GetRLPEncoded());
    }

    /// <summary>The fields of a signed type-2 transaction (its signature dropped), e.g. to sign it again with other fees.</summary>
    public static Eip1559Transaction Decode(byte[] raw)
    {
        if (TransactionFactory.CreateTransaction(raw) is not Transaction1559 t)
        {
            throw new EthereumFormatException("Not an EIP-1559 (type 2) transaction.");
        }
        return new Eip1559Transaction(t.ChainId, t.Nonce ?? 0, t.MaxPriorityFeePerGas ?? 0, t.MaxFeePerGas ?? 0, t.GasLimit ?? 0,
            string.IsNullOrEmpty(t.ReceiverAddress) ? null : EthAddress.Parse(t.ReceiverAddress), t.Amount ?? 0, Hex.Decode(t.Data ?? "0x"));
    }

    private Transaction1559 ToNethereum()
    {
        foreach (var (value, name) in (ReadOnlySpan<(BigInteger, string)>)[(ChainId, "chainId"), (Nonce, "nonce"),
            (MaxPriorityFeePerGas, "maxPriorityFeePerGas"), (MaxFeePerGas, "maxFeePerGas"), (GasLimit, "gasLimit"), (Value, "value")])
        {
            if (value.Sign < 0 || value.GetByteCount(isUnsigned: true) > 32)
            {
                throw new EthereumFormatException($"{name} is in [0, 2^256).");
            }
        }
        return new Transaction1559(ChainId, Nonce, MaxPriorityFeePerGas, MaxFeePerGas, GasLimit,
            To?.ToLowerHex(), Value, Hex.Encode(Data ?? []), []);
    }
}
