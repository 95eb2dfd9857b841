using System.Numerics;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// The EIP-3009 <c>TransferWithAuthorization</c> message a payer signs: <paramref name="Value"/> in the
/// token's atomic units, the validity window in Unix seconds, and a 32-byte <paramref name="Nonce"/>.
/// Ranges are checked when it is hashed or encoded.
/// </summary>
public sealed record TransferAuthorization(
    EthAddress From,
    EthAddress To,
    BigInteger Value,
    BigInteger ValidAfter,
    BigInteger ValidBefore,
    byte[] Nonce);
