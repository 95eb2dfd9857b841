using System.Diagnostics.CodeAnalysis;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// A 20-byte account address. Parsing accepts any letter case (x402 compares addresses
/// case-insensitively); <see cref="ToString"/> writes the EIP-55 checksum form.
/// </summary>
public readonly struct EthAddress : IEquatable<EthAddress>
{
    public const int Length = 20;
    private readonly byte[]? _bytes;

    public EthAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new EthereumFormatException($"An address is 20 bytes, got {bytes.Length}.");
        }
        _bytes = bytes.ToArray();
    }

    public static EthAddress Zero { get; } = new(new byte[Length]);

    public ReadOnlySpan<byte> Bytes => _bytes ?? new byte[Length];

    public static EthAddress Parse(string? text) =>
        TryParse(text, out var address) ? address : throw new EthereumFormatException("Expected a 0x-prefixed 20-byte address.");

    public static bool TryParse(string? text, out EthAddress address)
    {
        address = default;
        if (text is null || text.Length != 42 || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !Hex.TryDecode(text, out var bytes))
        {
            return false;
        }
        address = new EthAddress(bytes);
        return true;
    }

    /// <summary>The address of an uncompressed public key (64 bytes, without the 0x04 prefix).</summary>
    public static EthAddress FromPublicKey(ReadOnlySpan<byte> publicKey64)
    {
        if (publicKey64.Length != 64)
        {
            throw new EthereumFormatException($"A public key is 64 bytes, got {publicKey64.Length}.");
        }
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(publicKey64, hash);
        return new EthAddress(hash[12..]);
    }

    /// <summary>Lower-case hex, the form P402 stores and compares.</summary>
    public string ToLowerHex() => Hex.Encode(Bytes);

    /// <summary>
    /// EIP-55 mixed-case checksum form. Written here rather than by Nethereum's <c>AddressUtil</c> because every
    /// verify answer carries the payer in this form: 2–3 µs against Nethereum's 9–17 µs (P402.Benchmarks/README.md);
    /// EthKeyTests checks both agree.
    /// </summary>
    public override string ToString()
    {
        Span<char> lower = stackalloc char[2 * Length];
        Convert.TryToHexStringLower(Bytes, lower, out _);
        Span<byte> ascii = stackalloc byte[2 * Length];
        for (var i = 0; i < lower.Length; i++)
        {
            ascii[i] = (byte)lower[i];
        }
        Span<byte> hash = stackalloc byte[Keccak256.HashLength];
        Keccak256.Hash(ascii, hash);
        Span<char> text = stackalloc char[2 + (2 * Length)];
        text[0] = '0';
        text[1] = 'x';
        for (var i = 0; i < lower.Length; i++)
        {
            var nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            text[2 + i] = nibble >= 8 ? char.ToUpperInvariant(lower[i]) : lower[i];
        }
        return new string(text);
    }

    public bool Equals(EthAddress other) => Bytes.SequenceEqual(other.Bytes);

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is EthAddress other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    public static bool operator ==(EthAddress left, EthAddress right) => left.Equals(right);

    public static bool operator !=(EthAddress left, EthAddress right) => !left.Equals(right);
}
