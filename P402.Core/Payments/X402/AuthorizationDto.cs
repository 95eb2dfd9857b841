namespace P402.Core.Payments.X402;

/// <summary>The EIP-3009 authorization as sent: every number a decimal string, the nonce 32 bytes of hex.</summary>
public sealed record AuthorizationDto(string? From, string? To, string? Value, string? ValidAfter, string? ValidBefore, string? Nonce);
