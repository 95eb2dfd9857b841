using System.Numerics;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// An EIP-1559 (type 2) transaction with an empty access list. <paramref name="To"/> is null for a
/// contract creation. Every integer must be in [0, 2^256); the fields are checked when it is encoded.
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
    public byte[] SigningHash() => Keccak256.Hash(Envelope(Rlp.EncodeList(Fields())));

    /// <summary>Signs with <paramref name="key"/>; the result carries the raw bytes and the transaction hash.</summary>
    public SignedTransaction Sign(EthKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fields = Fields();
        var signature = key.Sign(Keccak256.Hash(Envelope(Rlp.EncodeList(fields))));
        return SignedTransaction.FromRaw(Envelope(Rlp.EncodeList(
        [
            .. fields,
            Rlp.EncodeInteger(signature.RecoveryId),
            Rlp.EncodeInteger(UInt256.Read(signature.RSpan)),
            Rlp.EncodeInteger(UInt256.Read(signature.SSpan)),
        ])));
    }

    private byte[][] Fields() =>
    [
        Rlp.EncodeInteger(ChainId),
        Rlp.EncodeInteger(Nonce),
        Rlp.EncodeInteger(MaxPriorityFeePerGas),
        Rlp.EncodeInteger(MaxFeePerGas),
        Rlp.EncodeInteger(GasLimit),
        Rlp.EncodeBytes(To is { } to ? to.Bytes : []),
        Rlp.EncodeInteger(Value),
        Rlp.EncodeBytes(Data ?? []),
        Rlp.EmptyList,
    ];

    private static byte[] Envelope(byte[] rlpPayload)
    {
        var envelope = new byte[1 + rlpPayload.Length];
        envelope[0] = TransactionType;
        rlpPayload.CopyTo(envelope, 1);
        return envelope;
    }
}
