using System.Numerics;

namespace P402.Core.Chain.Ethereum;

/// <summary>Range checks and 32-byte big-endian words for the unsigned 256-bit integers Ethereum uses.</summary>
internal static class UInt256
{
    public const int Size = 32;

    public static readonly BigInteger MaxValue = (BigInteger.One << 256) - 1;

    public static void EnsureInRange(BigInteger value, string what)
    {
        if (value.Sign < 0)
        {
            throw new EthereumFormatException($"{what} must not be negative.");
        }
        if (value > MaxValue)
        {
            throw new EthereumFormatException($"{what} does not fit in 256 bits.");
        }
    }

    /// <summary>Writes a range-checked value as a left-padded 32-byte big-endian word.</summary>
    public static void Write(BigInteger value, Span<byte> word, string what)
    {
        EnsureInRange(value, what);
        var length = value.GetByteCount(isUnsigned: true);
        word[..(Size - length)].Clear();
        value.TryWriteBytes(word[(Size - length)..Size], out _, isUnsigned: true, isBigEndian: true);
    }

    public static byte[] ToWord(BigInteger value, string what)
    {
        var word = new byte[Size];
        Write(value, word, what);
        return word;
    }

    /// <summary>The minimal big-endian bytes of a range-checked value: empty for zero (RLP's integer form).</summary>
    public static byte[] ToMinimalBytes(BigInteger value, string what)
    {
        EnsureInRange(value, what);
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger Read(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);
}
