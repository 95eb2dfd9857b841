namespace P402.Core.Chain.Ethereum;

/// <summary>A decoded RLP item: a byte string, or a list of items.</summary>
internal sealed class RlpItem
{
    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        Bytes = bytes ?? [];
        Items = items ?? [];
        IsList = items is not null;
    }

    public bool IsList { get; }

    public byte[] Bytes { get; }

    public IReadOnlyList<RlpItem> Items { get; }

    /// <summary>Decodes exactly one item covering all of <paramref name="encoded"/>; malformed input throws.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> encoded)
    {
        var item = Read(encoded, out var consumed);
        if (consumed != encoded.Length)
        {
            throw new EthereumFormatException("Trailing bytes after an RLP item.");
        }
        return item;
    }

    private static RlpItem Read(ReadOnlySpan<byte> data, out int consumed)
    {
        if (data.IsEmpty)
        {
            throw new EthereumFormatException("RLP input ended early.");
        }
        var prefix = data[0];
        if (prefix < 0x80)
        {
            consumed = 1;
            return new RlpItem([prefix], null);
        }
        var isList = prefix >= 0xc0;
        var shortBase = isList ? 0xc0 : 0x80;
        int headerLength, payloadLength;
        if (prefix - shortBase <= 55)
        {
            headerLength = 1;
            payloadLength = prefix - shortBase;
        }
        else
        {
            var lengthOfLength = prefix - shortBase - 55;
            if (lengthOfLength > 4 || data.Length < 1 + lengthOfLength || data[1] == 0)
            {
                throw new EthereumFormatException("Bad RLP length prefix.");
            }
            long length = 0;
            foreach (var b in data.Slice(1, lengthOfLength))
            {
                length = (length << 8) | b;
            }
            if (length <= 55 || length > int.MaxValue)
            {
                throw new EthereumFormatException("Non-canonical RLP length.");
            }
            headerLength = 1 + lengthOfLength;
            payloadLength = (int)length;
        }
        if (payloadLength > data.Length - headerLength)
        {
            throw new EthereumFormatException("RLP input ended early.");
        }
        var payload = data.Slice(headerLength, payloadLength);
        consumed = headerLength + payloadLength;
        if (!isList)
        {
            return new RlpItem(payload.ToArray(), null);
        }
        var items = new List<RlpItem>();
        while (!payload.IsEmpty)
        {
            items.Add(Read(payload, out var used));
            payload = payload[used..];
        }
        return new RlpItem(null, items);
    }
}
