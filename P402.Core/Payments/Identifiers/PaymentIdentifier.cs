namespace P402.Core.Payments.Identifiers;

/// <summary>
/// One x402 payment id of one merchant: bound to the fingerprint of the payment it first came with, and
/// holding the answers that a repeat of that payment with that id gets again.
/// </summary>
public sealed class PaymentIdentifier
{
    public required string MerchantId { get; init; }

    /// <summary>The client's id, as sent (16–128 of <c>[A-Za-z0-9_-]</c>).</summary>
    public required string Id { get; init; }

    /// <summary><see cref="PaymentFingerprint"/> of the payment the id was first seen with.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The verify answer as it was sent (JSON), once it said the payment is valid.</summary>
    public string? VerifyAnswer { get; set; }

    /// <summary>The settle answer as it was sent (JSON), once it was the payment's success.</summary>
    public string? SettleAnswer { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
