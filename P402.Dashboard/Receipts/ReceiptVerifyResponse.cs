using P402.Core.Receipts;

namespace P402.Dashboard.Receipts;

/// <summary>
/// <c>{valid:true, reuseCount, expiresAt, resource, payer, requestId}</c> or
/// <c>{valid:false, reason, message, requestId}</c>.
/// </summary>
public sealed record ReceiptVerifyResponse(bool Valid, long? ReuseCount, DateTime? ExpiresAt, string? Resource, string? Payer, string? Reason, string? Message, string RequestId)
{
    public static ReceiptVerifyResponse From(ReceiptVerification result, string requestId) => result.Valid
        ? new(true, result.ReuseCount, result.ExpiresAt, result.Resource, result.Payer, null, null, requestId)
        : new(false, null, null, null, null, ReceiptCodes.Name(result.Code!.Value), Explain(result.Code.Value), requestId);

    private static string Explain(ReceiptCode code) => code switch
    {
        ReceiptCode.ReceiptExpired => "The receipt has expired.",
        ReceiptCode.ReceiptRevoked => "The merchant revoked the receipt.",
        ReceiptCode.ReceiptNotFound => "No receipt of this merchant has that id.",
        ReceiptCode.ReceiptResourceMismatch => "The receipt is for another resource.",
        _ => code.ToString(),
    };
}
