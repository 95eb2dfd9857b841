using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// One argument of a contract call, already checked and encoded: a static value is one 32-byte
/// word in the head; a dynamic one (<c>bytes</c>, <c>string</c>) is an offset in the head and
/// length-prefixed, padded data in the tail.
/// </summary>
public abstract record AbiValue
{
    private const int Word = 32;

    private AbiValue(string typeName) => TypeName = typeName;

    /// <summary>The Solidity type, e.g. <c>uint256</c>.</summary>
    public string TypeName { get; }

    internal abstract bool IsDynamic { get; }

    public static AbiValue Address(EthAddress address)
    {
        var word = new byte[Word];
        address.Bytes.CopyTo(word.AsSpan(Word - EthAddress.Length));
        return new StaticValue("address", word);
    }

    /// <summary>An unsigned 256-bit integer; negative or ≥ 2^256 throws <see cref="EthereumFormatException"/>.</summary>
    public static AbiValue Uint256(BigInteger value) => new StaticValue("uint256", UInt256.ToWord(value, "uint256"));

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the Solidity type.")]
    public static AbiValue Uint8(byte value)
    {
        var word = new byte[Word];
        word[Word - 1] = value;
        return new StaticValue("uint8", word);
    }

    /// <summary>Exactly 32 bytes, e.g. a nonce or a signature's r and s.</summary>
    public static AbiValue Bytes32(ReadOnlySpan<byte> value)
    {
        if (value.Length != Word)
        {
            throw new EthereumFormatException($"bytes32 takes exactly 32 bytes, got {value.Length}.");
        }
        return new StaticValue("bytes32", value.ToArray());
    }

    public static AbiValue Bool(bool value)
    {
        var word = new byte[Word];
        word[Word - 1] = value ? (byte)1 : (byte)0;
        return new StaticValue("bool", word);
    }

    public static AbiValue Bytes(byte[] value)
    {
        if (value is null)
        {
            throw new EthereumFormatException("bytes must not be null.");
        }
        return new DynamicValue("bytes", (byte[])value.Clone());
    }

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the Solidity type.")]
    public static AbiValue String(string value)
    {
        if (value is null)
        {
            throw new EthereumFormatException("string must not be null.");
        }
        return new DynamicValue("string", Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Bytes in the head: the word itself, or nothing for a dynamic value (the offset is the encoder's).</summary>
    internal abstract ReadOnlySpan<byte> HeadWord { get; }

    /// <summary>The tail size in bytes: 0 for a static value, 32 + data padded to 32 for a dynamic one.</summary>
    internal abstract int TailLength { get; }

    internal abstract void WriteTail(Span<byte> destination);

    private sealed record StaticValue : AbiValue
    {
        private readonly byte[] _word;

        public StaticValue(string typeName, byte[] word) : base(typeName) => _word = word;

        internal override bool IsDynamic => false;

        internal override ReadOnlySpan<byte> HeadWord => _word;

        internal override int TailLength => 0;

        internal override void WriteTail(Span<byte> destination) { }
    }

    private sealed record DynamicValue : AbiValue
    {
        private readonly byte[] _data;

        public DynamicValue(string typeName, byte[] data) : base(typeName) => _data = data;

        internal override bool IsDynamic => true;

        internal override ReadOnlySpan<byte> HeadWord => [];

        internal override int TailLength => Word + ((_data.Length + Word - 1) / Word * Word);

        internal override void WriteTail(Span<byte> destination)
        {
            UInt256.Write(_data.Length, destination[..Word], "length");
            _data.CopyTo(destination[Word..]);
        }
    }
}
