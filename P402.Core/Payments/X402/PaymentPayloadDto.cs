using System.Text.Json;

namespace P402.Core.Payments.X402;

/// <summary>
/// The payer's payment: v1 <c>{x402Version, scheme, network, payload}</c> or
/// v2 <c>{x402Version, resource?, accepted, payload, extensions?}</c>.
/// </summary>
public sealed record PaymentPayloadDto
{
    public int? X402Version { get; init; }

    public string? Scheme { get; init; }

    public string? Network { get; init; }

    public ResourceInfoDto? Resource { get; init; }

    public PaymentRequirementsDto? Accepted { get; init; }

    public ExactEvmPayloadDto? Payload { get; init; }

    public JsonElement? Extensions { get; init; }
}
