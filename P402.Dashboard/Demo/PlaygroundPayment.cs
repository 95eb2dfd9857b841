using P402.Merchant;

namespace P402.Dashboard.Demo;

/// <summary>
/// One payment made by <see cref="PlaygroundPayer"/>, leg by leg: the unpaid request and its 402, the
/// requirement chosen and the signed authorization, then the paid retry with its settlement and receipt.
/// A leg that did not happen is null; <see cref="Failure"/> says why the exchange stopped early.
/// </summary>
internal sealed record PlaygroundPayment
{
    public required Uri Resource { get; init; }

    /// <summary>The status of the unpaid request: 402 for a paid endpoint.</summary>
    public required int FirstStatus { get; init; }

    public PaymentRequired? Required { get; init; }

    public PaymentRequirements? Accepted { get; init; }

    public ExactEvmPayload? Signed { get; init; }

    /// <summary>The status of the retry with <c>PAYMENT-SIGNATURE</c>.</summary>
    public int? PaidStatus { get; init; }

    /// <summary>The retry's body (what was bought, or the refusal), cut to a few kilobytes.</summary>
    public string? Body { get; init; }

    /// <summary>The decoded <c>PAYMENT-RESPONSE</c>.</summary>
    public PaymentResponse? Settlement { get; init; }

    /// <summary>When the retry was refused with a 402: its <c>error</c>.</summary>
    public string? Refusal { get; init; }

    public string? ReceiptId { get; init; }

    public string? ReceiptExpires { get; init; }

    public string? Failure { get; init; }

    public bool Succeeded => PaidStatus is >= 200 and < 300 && Settlement is { Success: true };
}
