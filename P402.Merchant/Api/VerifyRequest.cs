namespace P402.Merchant;

/// <summary>
/// Body of <c>POST /verify</c>. <see cref="PaymentRequirements"/> is the merchant's own copy and authoritative.
/// </summary>
public sealed record VerifyRequest
{
    public required int X402Version { get; init; }

    public required PaymentPayload PaymentPayload { get; init; }

    public required PaymentRequirements PaymentRequirements { get; init; }
}
