namespace P402.Core.Payments;

/// <summary>
/// What the settlements search box accepts: a transaction hash or its beginning (at least
/// <see cref="MinHashPrefixDigits"/> hex digits after 0x, as the grid shows them), a settlement id or a requestId.
/// </summary>
public static class SettlementSearch
{
    public const int MinHashPrefixDigits = 6;

    /// <summary>True when <paramref name="search"/> is written as (the start of) a transaction hash.</summary>
    public static bool IsHashPrefix(string search) =>
        search.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && search.Length <= 66 && search[2..].All(char.IsAsciiHexDigit);

    /// <summary>Why <paramref name="search"/> cannot be searched for, or null when it can (or is empty: no search).</summary>
    public static string? Problem(string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text) || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return IsHashPrefix(text) && text.Length >= 2 + MinHashPrefixDigits
            ? null
            : $"A transaction hash is 0x and up to 64 hexadecimal digits; give at least its first {MinHashPrefixDigits} digits.";
    }
}
