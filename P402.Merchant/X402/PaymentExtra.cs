namespace P402.Merchant;

/// <summary>The <c>extra</c> object of exact/EVM requirements: the token's EIP-712 domain name and version.</summary>
public sealed record PaymentExtra(string? Name, string? Version);
