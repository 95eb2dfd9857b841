namespace P402.Core.Payments.X402;

/// <summary>The exact/EVM scheme's <c>payload</c>: a 65-byte signature over the authorization.</summary>
public sealed record ExactEvmPayloadDto(string? Signature, AuthorizationDto? Authorization);
