using System.Diagnostics.CodeAnalysis;

namespace P402.Core.Chain.Ethereum;

/// <summary>
/// 0x-prefixed hexadecimal, the way JSON-RPC and x402 write bytes. Decoding is strict on purpose: payloads
/// and node answers with an odd number of digits or a stray character are refused, where Nethereum's
/// <c>HexToByteArray</c> pads an odd length with a zero and reads on.
/// </summary>
public static class Hex
{
    /// <summary>Decodes hex with or without a 0x prefix; an odd length or a non-hex digit throws.</summary>
    public static byte[] Decode(string? hex)
    {
        if (!TryDecode(hex, out var bytes))
        {
            throw new EthereumFormatException("Expected hexadecimal bytes such as 0x00ff.");
        }
        return bytes;
    }

    /// <summary>Decodes hex that must be exactly <paramref name="length"/> bytes long.</summary>
    public static byte[] DecodeFixed(string? hex, int length)
    {
        var bytes = Decode(hex);
        if (bytes.Length != length)
        {
            throw new EthereumFormatException($"Expected {length} bytes of hex, got {bytes.Length}.");
        }
        return bytes;
    }

    public static bool TryDecode(string? hex, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (hex is null)
        {
            return false;
        }
        var digits = hex.AsSpan();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }
        if (digits.Length % 2 != 0)
        {
            return false;
        }
        var result = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, result, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        bytes = result;
        return true;
    }

    /// <summary>Lower-case hex with a 0x prefix.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
