using System.Numerics;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A pre-EIP-2718 transaction, signed with EIP-155 replay protection. P402 sends EIP-1559
/// transactions; this one exists for EIP-155's published example and for chains without 1559.
/// </summary>
public sealed record LegacyTransaction(
    BigInteger Nonce,
    BigInteger GasPrice,
    BigInteger GasLimit,
    EthAddress? To,
    BigInteger Value,
    byte[] Data)
{
    /// <summary>keccak256(rlp([nonce, gasPrice, gasLimit, to, value, data, chainId, 0, 0])).</summary>
    public byte[] SigningHashEip155(BigInteger chainId)
    {
        UInt256.EnsureInRange(chainId, "chainId");
        return Keccak256.Hash(Rlp.EncodeList([.. Fields(), Rlp.EncodeInteger(chainId), Rlp.EncodeInteger(0), Rlp.EncodeInteger(0)]));
    }

    /// <summary>Signs with v = recoveryId + 2·chainId + 35 (EIP-155).</summary>
    public SignedTransaction SignEip155(EthKey key, BigInteger chainId)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(SigningHashEip155(chainId));
        return SignedTransaction.FromRaw(Rlp.EncodeList(
        [
            .. Fields(),
            Rlp.EncodeInteger(signature.RecoveryId + (chainId * 2) + 35),
            Rlp.EncodeInteger(UInt256.Read(signature.RSpan)),
            Rlp.EncodeInteger(UInt256.Read(signature.SSpan)),
        ]));
    }

    private byte[][] Fields() =>
    [
        Rlp.EncodeInteger(Nonce),
        Rlp.EncodeInteger(GasPrice),
        Rlp.EncodeInteger(GasLimit),
        Rlp.EncodeBytes(To is { } to ? to.Bytes : []),
        Rlp.EncodeInteger(Value),
        Rlp.EncodeBytes(Data ?? []),
    ];
}
