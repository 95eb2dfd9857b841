namespace P402.Merchant;

/// <summary>
/// Answer of <c>POST /verify</c>. An invalid payment is a value (<see cref="IsValid"/> false with the x402
/// <see cref="InvalidReason"/> and the P402 <see cref="Reason"/>), not an exception.
/// </summary>
public sealed record VerifyResponse
{
    public bool IsValid { get; init; }

    /// <summary>x402 code, e.g. <c>invalid_exact_evm_signature</c>.</summary>
    public string? InvalidReason { get; init; }

    public string? InvalidMessage { get; init; }

    public string? Payer { get; init; }

    public bool Valid { get; init; }

    /// <summary>P402 code, e.g. <c>INVALID_SIGNATURE</c>.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }
}
