using System.Text.Json.Serialization;

namespace P402.Merchant;

/// <summary>One settlement as the REST API reports it. <see cref="Value"/> is atomic units as a decimal string.</summary>
public sealed record Settlement
{
    public required string Id { get; init; }

    /// <summary>Pending, Submitted, Confirmed or Failed.</summary>
    public string? Status { get; init; }

    public string? Network { get; init; }

    public string? Asset { get; init; }

    public string? Payer { get; init; }

    public string? PayTo { get; init; }

    [JsonConverter(typeof(AtomicAmountJsonConverter))]
    public string? Value { get; init; }

    public string? Nonce { get; init; }

    public string? Resource { get; init; }

    public string? TxHash { get; init; }

    public long? BlockNumber { get; init; }

    public long? GasUsed { get; init; }

    [JsonConverter(typeof(AtomicAmountJsonConverter))]
    public string? EffectiveGasPrice { get; init; }

    public string? RequestId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public string? ErrorReason { get; init; }

    public string? ErrorMessage { get; init; }
}
