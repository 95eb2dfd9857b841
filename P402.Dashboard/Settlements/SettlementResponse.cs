using System.Globalization;
using P402.Core.Payments;

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
    public static SettlementResponse From(SettlementView s) => new(
        s.Id, s.Status.ToString().ToLowerInvariant(), s.Network, s.Asset, s.Payer, s.PayTo,
        s.Value.ToString(CultureInfo.InvariantCulture), s.Nonce, s.Resource, s.TxHash, s.BlockNumber, s.GasUsed,
        s.EffectiveGasPriceWei?.ToString(CultureInfo.InvariantCulture), s.RequestId, s.ErrorReason, s.ErrorMessage,
        s.CreatedAt, s.ConfirmedAt);
}
