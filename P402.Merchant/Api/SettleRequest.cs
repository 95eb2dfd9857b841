namespace P402.Merchant;

/// <summary>Body of <c>POST /settle</c>: as <see cref="VerifyRequest"/>, optionally asking for a receipt.</summary>
public sealed record SettleRequest
{
    public required int X402Version { get; init; }

    public required PaymentPayload PaymentPayload { get; init; }

    public required PaymentRequirements PaymentRequirements { get; init; }

    /// <summary>P402 extension: issue a receipt for this settlement (<c>{}</c> uses the merchant's default TTL).</summary>
    public ReceiptRequest? Receipt { get; init; }
}
