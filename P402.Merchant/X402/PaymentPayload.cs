using System.Text.Json;

namespace P402.Merchant;

/// <summary>
/// What a payer sends, base64-encoded, in <c>PAYMENT-SIGNATURE</c> (v2) or <c>X-PAYMENT</c> (v1).
/// v1 carries <see cref="Scheme"/> and <see cref="Network"/>; v2 carries <see cref="Resource"/>,
/// <see cref="Accepted"/> (the payer's copy of the requirements it chose) and optional extensions.
/// </summary>
public sealed record PaymentPayload
{
    public required int X402Version { get; init; }

    public string? Scheme { get; init; }

    public string? Network { get; init; }

    public PaymentResource? Resource { get; init; }

    public PaymentRequirements? Accepted { get; init; }

    public required ExactEvmPayload Payload { get; init; }

    public JsonElement? Extensions { get; init; }
}
