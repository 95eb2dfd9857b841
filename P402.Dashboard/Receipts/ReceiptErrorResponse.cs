using P402.Core.Receipts;

namespace P402.Dashboard.Receipts;

/// <summary>
/// Why <c>/settle</c> issued no receipt although one was asked for (the payment itself settled):
/// <c>{reason: "INVALID_TTL", message}</c>.
/// </summary>
public sealed record ReceiptErrorResponse(string Reason, string Message)
{
    public static ReceiptErrorResponse From(ReceiptCode code, string message) => new(ReceiptCodes.Name(code), message);
}
