namespace P402.Core.Payments;

/// <summary>
/// One EIP-3009 authorization that P402 executes on-chain. The row is the reservation: its unique
/// (network, asset, payer, nonce) makes a second settle of the same authorization impossible.
/// </summary>
public sealed class Settlement
{
    public const string IdPrefix = "stl_";

    public required string Id { get; init; }

    public required string MerchantId { get; init; }

    public string? ApiKeyId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>CAIP-2, e.g. <c>eip155:8453</c>.</summary>
    public required string Network { get; init; }

    /// <summary>Token contract, lower-case hex.</summary>
    public required string Asset { get; init; }

    /// <summary>The authorization's <c>from</c>, lower-case hex.</summary>
    public required string Payer { get; init; }

    /// <summary>The authorization's <c>to</c>, lower-case hex.</summary>
    public required string PayTo { get; init; }

    /// <summary>Atomic units (USDC: 1000000 = $1.00).</summary>
    public long Value { get; init; }

    /// <summary>The authorization's 32-byte nonce, lower-case hex.</summary>
    public required string Nonce { get; init; }

    public long ValidAfter { get; init; }

    public long ValidBefore { get; init; }

    public string? Resource { get; init; }

    public int X402Version { get; init; }

    public SettlementStatus Status { get; set; }

    /// <summary>
    /// The instance (<see cref="Data.InstanceHeartbeats.Id"/>) whose reservation this is while it is Pending: only it may send it, and
    /// another instance may release it (Failed, so that a retry settles it) only once that instance's heartbeat has expired.
    /// </summary>
    public string? ReservedBy { get; set; }

    public string? TxHash { get; set; }

    /// <summary>
    /// The signed transaction, kept until it is final and past the reorg window (<see cref="Chain.ChainOptions.ReorgWindowBlocks"/>), so
    /// that a restart, or a reorg that dropped it, can re-broadcast it.
    /// </summary>
    public string? RawTransaction { get; set; }

    public string? SignerAddress { get; set; }

    public long? SignerNonce { get; set; }

    /// <summary>The block that holds the transaction's receipt: set when it is mined (still Submitted until it is deep enough), cleared by a reorg.</summary>
    public long? BlockNumber { get; set; }

    /// <summary>The hash of <see cref="BlockNumber"/>'s block as it was mined: the watcher checks it is still the chain's while it is recent.</summary>
    public string? BlockHash { get; set; }

    public long? GasUsed { get; set; }

    public long? EffectiveGasPriceWei { get; set; }

    /// <summary>Who paid, as the settlement's transaction found the payer (EOA, contract wallet, deployed by this settlement).</summary>
    public Signatures.PayerKind PayerKind { get; set; }

    /// <summary>The gas of deploying a counterfactual payer in this settlement's transaction (the facilitator's cost), else null.</summary>
    public long? DeploymentGas { get; set; }

    public string? ErrorReason { get; set; }

    public string? ErrorMessage { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    /// <summary>
    /// When a <c>/settle</c> was answered success for this settlement: set once, by a conditional UPDATE
    /// (<see cref="SettlementStore.TryClaimDeliveryAsync"/>), so that one payment is delivered once.
    /// </summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The request that was answered success.</summary>
    public string? DeliveredRequestId { get; set; }

    /// <summary>The x402 payment id (payment-identifier extension) that request carried, if any: the same id may get the success again.</summary>
    public string? DeliveredPaymentId { get; set; }
}
