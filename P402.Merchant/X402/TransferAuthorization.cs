namespace P402.Merchant;

/// <summary>An EIP-3009 <c>transferWithAuthorization</c>; every number is a decimal string, the nonce 32 bytes of hex.</summary>
public sealed record TransferAuthorization
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required string Value { get; init; }

    public required string ValidAfter { get; init; }

    public required string ValidBefore { get; init; }

    public required string Nonce { get; init; }
}
