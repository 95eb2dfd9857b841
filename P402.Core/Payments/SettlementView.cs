namespace P402.Core.Payments;

/// <summary>A settlement as the API and the dashboard show it (never the raw transaction).</summary>
public sealed record SettlementView(
    string Id,
    SettlementStatus Status,
    string Network,
    string Asset,
    string Payer,
    string PayTo,
    long Value,
    string Nonce,
    string? Resource,
    string? TxHash,
    long? BlockNumber,
    long? GasUsed,
    long? EffectiveGasPriceWei,
    string RequestId,
    string? ApiKeyId,
    string? ErrorReason,
    string? ErrorMessage,
    DateTime CreatedAt,
    DateTime? ConfirmedAt)
{
    /// <summary>EOA, contract wallet, or a counterfactual wallet this settlement deployed.</summary>
    public Signatures.PayerKind PayerKind { get; init; }

    /// <summary>The deployment's gas when this settlement deployed the payer's wallet (paid by the facilitator).</summary>
    public long? DeploymentGas { get; init; }

    /// <summary>Every broadcast of its transaction, first first (read for one settlement's detail; empty in lists).</summary>
    public IReadOnlyList<Sending.AttemptView> Attempts { get; init; } = [];

    internal static SettlementView From(Settlement s) => new(
        s.Id, s.Status, s.Network, s.Asset, s.Payer, s.PayTo, s.Value, s.Nonce, s.Resource, s.TxHash, s.BlockNumber,
        s.GasUsed, s.EffectiveGasPriceWei, s.RequestId, s.ApiKeyId, s.ErrorReason, s.ErrorMessage, s.CreatedAt, s.ConfirmedAt)
    {
        PayerKind = s.PayerKind,
        DeploymentGas = s.DeploymentGas,
    };
}
