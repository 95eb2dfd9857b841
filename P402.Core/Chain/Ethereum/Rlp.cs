using System.Numerics;

namespace P402.Core.Chain.Ethereum;

/// <summary>Recursive Length Prefix encoding, the serialisation of Ethereum transactions.</summary>
public static class Rlp
{
    private const byte ShortString = 0x80;
    private const byte LongString = 0xb7;
    private const byte ShortList = 0xc0;
    private const byte LongList = 0xf7;

    /// <summary>The empty list, <c>0xc0</c> (an empty access list).</summary>
    public static byte[] EmptyList => [ShortList];

    /// <summary>A byte string: one byte below 0x80 is itself, anything else is length-prefixed.</summary>
    public static byte[] EncodeBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length == 1 && value[0] < ShortString)
        {
            return [value[0]];
        }
        var header = Header(ShortString, LongString, value.Length);
        var encoded = new byte[header.Length + value.Length];
        header.CopyTo(encoded, 0);
        value.CopyTo(encoded.AsSpan(header.Length));
        return encoded;
    }

    /// <summary>A non-negative integer below 2^256 as its minimal big-endian bytes (zero is the empty string).</summary>
    public static byte[] EncodeInteger(BigInteger value) => EncodeBytes(UInt256.ToMinimalBytes(value, "An RLP integer"));

    /// <summary>A list of items that are each already RLP-encoded.</summary>
    public static byte[] EncodeList(params byte[][] encodedItems)
    {
        encodedItems ??= [];
        var payloadLength = 0;
        foreach (var item in encodedItems)
        {
            if (item is null)
            {
                throw new EthereumFormatException("RLP list items must not be null.");
            }
            payloadLength += item.Length;
        }
        var header = Header(ShortList, LongList, payloadLength);
        var encoded = new byte[header.Length + payloadLength];
        header.CopyTo(encoded, 0);
        var offset = header.Length;
        foreach (var item in encodedItems)
        {
            item.CopyTo(encoded, offset);
            offset += item.Length;
        }
        return encoded;
    }

    private static byte[] Header(byte shortBase, byte longBase, int length)
    {
        if (length <= 55)
        {
            return [(byte)(shortBase + length)];
        }
        var lengthBytes = new BigInteger(length).ToByteArray(isUnsigned: true, isBigEndian: true);
        var header = new byte[1 + lengthBytes.Length];
        header[0] = (byte)(longBase + lengthBytes.Length);
        lengthBytes.CopyTo(header, 1);
        return header;
    }
}
