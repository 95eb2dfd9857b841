using P402.Core.PaymentLogs;

namespace P402.Dashboard.Payments;

/// <summary>One answer of <c>/verify</c> or <c>/settle</c> in the REST API's payment log; amounts as decimal strings.</summary>
public sealed record PaymentLogResponse(
    string Id,
    string Operation,
    bool Valid,
    int StatusCode,
    string? Reason,
    string? Message,
    string RequestId,
    string? Payer,
    string? PayTo,
    string? Amount,
    string? Network,
    string? Resource,
    string? SettlementId,
    string? TxHash,
    string? ApiKeyId,
    DateTime CreatedAt)
{
    public static PaymentLogResponse From(PaymentLogView p) => new(
        p.Id, p.Operation.ToString().ToLowerInvariant(), p.Valid, p.StatusCode, p.Reason, p.Message, p.RequestId, p.Payer, p.PayTo,
        p.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Network, p.Resource, p.SettlementId, p.TxHash, p.ApiKeyId,
        p.CreatedAt);
}
