using Nethereum.Util;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// Keccak-256 as Ethereum uses it (the pre-standard padding; .NET's SHA3_256 is a different function),
/// computed by Nethereum's <see cref="Sha3Keccack"/>. The span overloads serve callers that hash into a buffer.
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
        Hash(data).CopyTo(output);
    }
}
