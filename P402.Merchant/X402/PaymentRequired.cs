namespace P402.Merchant;

/// <summary>
/// The 402 signal: v2 sends it base64-encoded in the <c>PAYMENT-REQUIRED</c> header (with
/// <see cref="Resource"/>), v1 as the JSON body (without it; the v1 requirements carry the URL).
/// </summary>
public sealed record PaymentRequired
{
    public required int X402Version { get; init; }

    public string? Error { get; init; }

    public PaymentResource? Resource { get; init; }

    public required IReadOnlyList<PaymentRequirements> Accepts { get; init; }
}
