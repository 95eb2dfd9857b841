namespace P402.Merchant;

/// <summary>
/// The settlement outcome a merchant returns to the payer, base64-encoded in <c>PAYMENT-RESPONSE</c> (v2)
/// or <c>X-PAYMENT-RESPONSE</c> (v1). <see cref="Transaction"/> is the transaction hash, or empty.
/// </summary>
public sealed record PaymentResponse
{
    public required bool Success { get; init; }

    public string Transaction { get; init; } = "";

    public string Network { get; init; } = "";

    public string? Payer { get; init; }

    public string? ErrorReason { get; init; }
}
