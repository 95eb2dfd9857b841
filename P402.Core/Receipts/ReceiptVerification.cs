namespace P402.Core.Receipts;

/// <summary>A receipt verify's answer: valid with the new reuse count, or the reason it is not.</summary>
public sealed record ReceiptVerification(bool Valid, ReceiptCode? Code, long ReuseCount, DateTime? ExpiresAt, string? Resource, string? Payer)
{
    public static ReceiptVerification Invalid(ReceiptCode code) => new(false, code, 0, null, null, null);
}
