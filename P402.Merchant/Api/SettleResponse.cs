using System.Text.Json.Serialization;

namespace P402.Merchant;

/// <summary>
/// Answer of <c>POST /settle</c>. A failed settlement is a value (<see cref="Success"/> false with
/// <see cref="ErrorReason"/>), not an exception. <see cref="Receipt"/> is set when one was asked for and issued.
/// </summary>
public sealed record SettleResponse
{
    public bool Success { get; init; }

    /// <summary>x402 code, e.g. <c>invalid_exact_evm_transaction_failed</c> or <c>settlement_pending</c>.</summary>
    public string? ErrorReason { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The transaction hash, <c>""</c> when nothing was sent.</summary>
    public string Transaction { get; init; } = "";

    public string Network { get; init; } = "";

    public string? Payer { get; init; }

    public string? TxHash { get; init; }

    public bool Valid { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? RequestId { get; init; }

    public string? SettlementId { get; init; }

    public Receipt? Receipt { get; init; }

    [JsonIgnore]
    internal PaymentResponse PaymentResponse => new()
    {
        Success = Success,
        Transaction = Transaction,
        Network = Network,
        Payer = Payer,
        ErrorReason = Success ? null : ErrorReason ?? "unexpected_settle_error",
    };
}
