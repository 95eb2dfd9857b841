namespace P402.Core.Payments.X402;

/// <summary>The body of <c>/verify</c> and <c>/settle</c>; <see cref="Receipt"/> is P402's extension.</summary>
public sealed record FacilitatorRequestDto
{
    public int? X402Version { get; init; }

    public PaymentPayloadDto? PaymentPayload { get; init; }

    public PaymentRequirementsDto? PaymentRequirements { get; init; }

    public ReceiptRequestDto? Receipt { get; init; }
}
