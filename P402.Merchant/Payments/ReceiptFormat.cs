using System.Buffers;
using System.Globalization;

namespace P402.Merchant;

internal static class ReceiptFormat
{
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    /// <summary>Ids that cannot be P402 receipts are refused without asking P402.</summary>
    public static bool IsPlausibleId(string id) =>
        id.Length is > 5 and <= 128 && id.StartsWith("rcpt_", StringComparison.Ordinal) && !id.AsSpan().ContainsAnyExcept(IdChars);

    /// <summary>ISO 8601 UTC to the second, e.g. <c>2026-11-24T10:00:00Z</c>.</summary>
    public static string Expires(DateTimeOffset expiresAt) =>
        expiresAt.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
