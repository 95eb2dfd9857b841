using System.Globalization;
using P402.Core.Payments;
using P402.Core.Payments.Signatures;

namespace P402.Dashboard.Settlements;

/// <summary>The settlement object of the REST API; money and wei as decimal strings.</summary>
public sealed record SettlementResponse(
    string Id,
    string Status,
    string Network,
    string Asset,
    string Payer,
    string PayTo,
    string Value,
    string Nonce,
    string? Resource,
    string? TxHash,
    long? BlockNumber,
    long? GasUsed,
    string? EffectiveGasPrice,
    string RequestId,
    string? ErrorReason,
    string? ErrorMessage,
    DateTime CreatedAt,
    DateTime? ConfirmedAt)
{
    /// <summary><c>eoa</c>, <c>contractWallet</c>, or <c>deployedBySettlement</c> (a counterfactual wallet this settlement deployed).</summary>
    public required PayerKind PayerKind { get; init; }

    /// <summary>The deployment's gas when this settlement deployed the payer's wallet, else null.</summary>
    public long? DeploymentGas { get; init; }

    /// <summary>Every broadcast of the transaction (first send, fee replacements, re-signs), first first; only in the single-settlement read.</summary>
    public IReadOnlyList<AttemptResponse>? Attempts { get; init; }

    public static SettlementResponse From(SettlementView s) => new(
        s.Id, s.Status.ToString().ToLowerInvariant(), s.Network, s.Asset, s.Payer, s.PayTo,
        s.Value.ToString(CultureInfo.InvariantCulture), s.Nonce, s.Resource, s.TxHash, s.BlockNumber, s.GasUsed,
        s.EffectiveGasPriceWei?.ToString(CultureInfo.InvariantCulture), s.RequestId, s.ErrorReason, s.ErrorMessage,
        s.CreatedAt, s.ConfirmedAt)
    {
        PayerKind = s.PayerKind,
        DeploymentGas = s.DeploymentGas,
    };
}
