namespace P402.Merchant;

/// <summary>The HTTP headers exchanged between payer, merchant and P402 (x402 v1 and v2, plus P402 receipts).</summary>
public static class P402HeaderNames
{
    /// <summary>v2 402 signal: base64 JSON <see cref="Merchant.PaymentRequired"/>.</summary>
    public const string PaymentRequired = "PAYMENT-REQUIRED";

    /// <summary>v2 payment: base64 JSON <see cref="PaymentPayload"/>.</summary>
    public const string PaymentSignature = "PAYMENT-SIGNATURE";

    /// <summary>v2 settlement outcome: base64 JSON <see cref="Merchant.PaymentResponse"/>.</summary>
    public const string PaymentResponse = "PAYMENT-RESPONSE";

    /// <summary>v1 payment: base64 JSON <see cref="PaymentPayload"/>.</summary>
    public const string XPayment = "X-PAYMENT";

    /// <summary>v1 settlement outcome: base64 JSON <see cref="Merchant.PaymentResponse"/>.</summary>
    public const string XPaymentResponse = "X-PAYMENT-RESPONSE";

    /// <summary>A receipt id (<c>rcpt_…</c>): sent by the merchant after settling, presented by the payer later.</summary>
    public const string Receipt = "P402-Receipt";

    /// <summary>When the issued receipt expires, ISO 8601 UTC.</summary>
    public const string ReceiptExpires = "P402-Receipt-Expires";

    /// <summary>The headers a browser client must be allowed to read (CORS <c>Access-Control-Expose-Headers</c>).</summary>
    public static IReadOnlyList<string> Exposed { get; } =
        [PaymentRequired, PaymentResponse, XPaymentResponse, Receipt, ReceiptExpires];

    /// <summary>The headers a browser client sends to a paid endpoint (CORS <c>Access-Control-Allow-Headers</c>).</summary>
    public static IReadOnlyList<string> Request { get; } = [PaymentSignature, XPayment, Receipt];
}
