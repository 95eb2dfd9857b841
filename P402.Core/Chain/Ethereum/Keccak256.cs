using Nethereum.Util;
using Org.BouncyCastle.Crypto.Digests;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// Keccak-256 as Ethereum uses it (the pre-standard padding; .NET's SHA3_256 is a different function).
/// <see cref="Hash(ReadOnlySpan{byte})"/> is Nethereum's <see cref="Sha3Keccack"/>. The span overload is the
/// /verify hot path's (the EIP-712 digest, the recovered key's address): BouncyCastle's digest, which Nethereum
/// also depends on, hashes a span into a span without copies; through Nethereum's byte[] API the digest took
/// 17.5 µs instead of 7.4 µs (P402.Benchmarks/README.md).
/// </summary>
public static class Keccak256
{
    public const int HashLength = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data) => Sha3Keccack.Current.CalculateHash(data.ToArray());

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output)
    {
        if (output.Length < HashLength)
        {
            throw new ArgumentException("The output needs 32 bytes.", nameof(output));
        }
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        digest.DoFinal(output);
    }
}
