namespace P402.Merchant;

/// <summary>The exact/EVM <c>payload</c>: a 65-byte EIP-712 signature over an EIP-3009 authorization.</summary>
public sealed record ExactEvmPayload
{
    public required string Signature { get; init; }

    public required TransferAuthorization Authorization { get; init; }
}
