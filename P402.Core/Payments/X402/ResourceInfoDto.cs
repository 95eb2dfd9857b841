namespace P402.Core.Payments.X402;

/// <summary>v2's <c>resource</c> object.</summary>
public sealed record ResourceInfoDto(string? Url, string? Description, string? MimeType);
