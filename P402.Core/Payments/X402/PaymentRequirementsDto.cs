using System.Text.Json;

namespace P402.Core.Payments.X402;

/// <summary>
/// x402 payment requirements as either version sends them: v1 carries <c>maxAmountRequired</c> and a
/// string <c>resource</c>; v2 carries <c>amount</c> (its resource sits on the payload).
/// </summary>
public sealed record PaymentRequirementsDto
{
    public string? Scheme { get; init; }

    public string? Network { get; init; }

    public string? Amount { get; init; }

    public string? MaxAmountRequired { get; init; }

    public string? Asset { get; init; }

    public string? PayTo { get; init; }

    public long? MaxTimeoutSeconds { get; init; }

    public JsonElement? Resource { get; init; }

    public string? Description { get; init; }

    public string? MimeType { get; init; }

    public TokenExtraDto? Extra { get; init; }

    public JsonElement? OutputSchema { get; init; }
}
