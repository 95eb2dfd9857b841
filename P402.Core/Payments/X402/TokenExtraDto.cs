namespace P402.Core.Payments.X402;

/// <summary>The EIP-712 domain name and version of the token (<c>extra</c>).</summary>
public sealed record TokenExtraDto(string? Name, string? Version);
