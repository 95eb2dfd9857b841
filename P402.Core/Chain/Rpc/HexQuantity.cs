using System.Globalization;
using System.Numerics;
using P402.Core.Chain.Ethereum;

namespace P402.Core.Chain.Rpc;

/// <summary>
/// JSON-RPC quantities: 0x-prefixed hex without leading zeros ("0x0", "0x2105"). Parsing is lenient
/// the way real nodes need it (leading zeros, upper case, a bare "0x" for zero, plain decimal);
/// formatting is strict.
/// </summary>
public static class HexQuantity
{
    public static string Format(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture);
    }

    public static string Format(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A quantity is never negative.");
        }
        if (value <= long.MaxValue)
        {
            return Format((long)value);
        }
        var digits = value.ToString("x", CultureInfo.InvariantCulture).AsSpan().TrimStart('0');
        return string.Concat("0x", digits);
    }

    public static BigInteger Parse(string? text) =>
        TryParse(text, out var value) ? value : throw new EthereumFormatException($"Expected a hex quantity, got '{text}'.");

    public static long ParseInt64(string? text)
    {
        var value = Parse(text);
        return value <= long.MaxValue ? (long)value : throw new EthereumFormatException($"The quantity {text} does not fit 64 bits.");
    }

    public static bool TryParse(ReadOnlySpan<char> text, out BigInteger value)
    {
        value = BigInteger.Zero;
        text = text.Trim();
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            // A few providers send small quantities as decimal strings.
            return text.Length > 0 && IsDecimal(text)
                && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        var digits = text[2..].TrimStart('0');
        if (digits.Length == 0)
        {
            return true; // "0x" and "0x000" are zero
        }
        if (digits.Length <= 16)
        {
            if (!ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var small))
            {
                return false;
            }
            value = small;
            return true;
        }
        if (digits.Length > 64)
        {
            return false; // wider than uint256
        }
        Span<char> padded = stackalloc char[64];
        var even = padded[..(digits.Length + (digits.Length & 1))];
        even[0] = '0';
        digits.CopyTo(even[(even.Length - digits.Length)..]);
        Span<byte> bytes = stackalloc byte[32];
        if (Convert.FromHexString(even, bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }
        value = new BigInteger(bytes[..written], isUnsigned: true, isBigEndian: true);
        return true;
    }

    private static bool IsDecimal(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
