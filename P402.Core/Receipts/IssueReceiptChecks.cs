using System.Buffers;
using P402.Core.Common;
using P402.Core.Merchants;
using P402.Core.Payments;

namespace P402.Core.Receipts;

/// <summary>
/// The checks an issue request must pass before any settlement is looked up, so that a malformed
/// request is a 400 whether or not the settlement (or its receipt) exists.
/// </summary>
internal static class IssueReceiptChecks
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static IssueReceiptResult? Check(IssueReceipt request, MerchantSettings settings)
    {
        if (request.SettlementId is null && request.TxHash is null)
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidSettlementReference, "Give settlementId or txHash.");
        }
        if (request.SettlementId is not null && !Ids.IsWellFormed(request.SettlementId, Settlement.IdPrefix))
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidSettlementReference, "settlementId must be a settlement id (stl_ followed by 26 characters).");
        }
        if (request.TxHash is not null && !IsTransactionHash(request.TxHash))
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidSettlementReference, "txHash must be 0x followed by 64 hex digits.");
        }
        if (request.TtlSeconds is { } ttl && (ttl < SettingsValidation.MinReceiptTtlSeconds || ttl > settings.MaxReceiptTtlSeconds))
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidTtl,
                $"ttlSeconds must be between {SettingsValidation.MinReceiptTtlSeconds} and {settings.MaxReceiptTtlSeconds} (the merchant's maximum).");
        }
        if (request.Resource is not null && !ResourceUrl.TryNormalize(request.Resource, out _))
        {
            return IssueReceiptResult.Fail(ReceiptCode.InvalidResource, "resource must be an absolute http(s) URL.");
        }
        return null;
    }

    /// <summary>The expiry of a receipt issued at <paramref name="now"/>, rounded up to a whole second.</summary>
    public static DateTime ExpiresAt(DateTime now, long ttlSeconds)
    {
        var exact = now.AddSeconds(ttlSeconds);
        var remainder = exact.Ticks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? exact : exact.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private static bool IsTransactionHash(string text) =>
        text.Length == 66 && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !text.AsSpan(2).ContainsAnyExcept(HexDigits);
}
