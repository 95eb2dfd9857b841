using Org.BouncyCastle.Crypto.Digests;

namespace P402.Core.Chain.Ethereum;

/// <summary>Keccak-256 as Ethereum uses it (the pre-standard padding; .NET's SHA3_256 is a different function).</summary>
public static class Keccak256
{
    public const int HashLength = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var output = new byte[HashLength];
        Hash(data, output);
        return output;
    }

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
