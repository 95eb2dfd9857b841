namespace P402.Merchant;

/// <summary>
/// What a paid endpoint accepts (x402 <c>PaymentRequirements</c>), in the shape of either protocol version:
/// v2 uses <see cref="Amount"/> and a CAIP-2 network (<c>eip155:8453</c>); v1 uses
/// <see cref="MaxAmountRequired"/>, a network name (<c>base</c>) and carries the resource, description and
/// MIME type inline. Fields of the other version stay <see langword="null"/> and are not serialized.
/// Amounts are decimal strings of atomic units (USDC: <c>"1000000"</c> = $1.00).
/// </summary>
public sealed record PaymentRequirements
{
    public required string Scheme { get; init; }

    public required string Network { get; init; }

    /// <summary>v2: the exact amount, atomic units.</summary>
    public string? Amount { get; init; }

    /// <summary>v1: the exact amount, atomic units.</summary>
    public string? MaxAmountRequired { get; init; }

    /// <summary>v1: the absolute URL of the resource.</summary>
    public string? Resource { get; init; }

    /// <summary>v1 (required there, may be empty).</summary>
    public string? Description { get; init; }

    /// <summary>v1 (required there, may be empty).</summary>
    public string? MimeType { get; init; }

    public required string PayTo { get; init; }

    public int MaxTimeoutSeconds { get; init; }

    public required string Asset { get; init; }

    /// <summary>The token's EIP-712 domain name and version.</summary>
    public PaymentExtra? Extra { get; init; }
}
