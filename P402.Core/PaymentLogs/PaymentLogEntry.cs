using P402.Core.Payments;

namespace P402.Core.PaymentLogs;

/// <summary>
/// One answer P402 gave a merchant's server on <c>/verify</c> or <c>/settle</c>, valid or not: what a merchant
/// looks at when a customer says "I paid". Never the signature or the payload itself.
/// </summary>
public sealed class PaymentLogEntry
{
    public const string IdPrefix = "pay_";

    /// <summary>
    /// <c>pay_…</c>, given when the entry is written (<see cref="PaymentLogDrainer"/>, from <see cref="CreatedAt"/>), so
    /// that the answering request draws no random number for it.
    /// </summary>
    public string Id { get; internal set; } = "";

    public required string MerchantId { get; init; }

    public string? ApiKeyId { get; init; }

    public required string RequestId { get; init; }

    public PaymentOperation Operation { get; init; }

    /// <summary>The HTTP status of the answer: 200 for a payment answer (valid or not), 4xx for a malformed request.</summary>
    public int StatusCode { get; init; }

    /// <summary>True when verify said valid or settle succeeded.</summary>
    public bool Valid { get; init; }

    /// <summary>The P402 reason code (<see cref="PaymentCode"/>'s name) of a refusal; null when valid.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>The authorization's <c>from</c>, lower-case hex; null when the request did not parse.</summary>
    public string? Payer { get; init; }

    /// <summary>The requirements' <c>payTo</c>, lower-case hex.</summary>
    public string? PayTo { get; init; }

    /// <summary>The required amount in atomic units; null when it did not parse or does not fit.</summary>
    public long? Amount { get; init; }

    public string? Network { get; init; }

    public string? Resource { get; init; }

    public string? SettlementId { get; init; }

    public string? TxHash { get; init; }

    public DateTime CreatedAt { get; init; }
}
