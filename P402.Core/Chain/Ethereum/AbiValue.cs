using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Nethereum.ABI;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// One argument of a contract call, checked when it is made (a range or a length that is wrong throws
/// <see cref="EthereumFormatException"/>) and encoded by Nethereum as an <see cref="ABIValue"/>.
/// </summary>
public sealed record AbiValue
{
    private const int Word = 32;
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    private readonly object _value;

    private AbiValue(string typeName, object value)
    {
        TypeName = typeName;
        _value = value;
    }

    /// <summary>The Solidity type, e.g. <c>uint256</c>.</summary>
    public string TypeName { get; }

    public static AbiValue Address(EthAddress address) => new("address", address.ToLowerHex());

    /// <summary>An unsigned 256-bit integer; negative or ≥ 2^256 throws <see cref="EthereumFormatException"/>.</summary>
    public static AbiValue Uint256(BigInteger value) =>
        value.Sign >= 0 && value <= MaxUint256
            ? new("uint256", value)
            : throw new EthereumFormatException("A uint256 is in [0, 2^256).");

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the Solidity type.")]
    public static AbiValue Uint8(byte value) => new("uint8", new BigInteger(value));

    /// <summary>Exactly 32 bytes, e.g. a nonce or a signature's r and s.</summary>
    public static AbiValue Bytes32(ReadOnlySpan<byte> value) =>
        value.Length == Word
            ? new("bytes32", value.ToArray())
            : throw new EthereumFormatException($"bytes32 takes exactly 32 bytes, got {value.Length}.");

    public static AbiValue Bool(bool value) => new("bool", value);

    public static AbiValue Bytes(byte[] value) =>
        value is null ? throw new EthereumFormatException("bytes must not be null.") : new("bytes", (byte[])value.Clone());

    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the Solidity type.")]
    public static AbiValue String(string value) =>
        value is null ? throw new EthereumFormatException("string must not be null.") : new("string", value);

    internal ABIValue ToNethereum() => new(TypeName, _value);
}
