namespace P402.Core.PaymentLogs;

/// <summary>A payment-log entry as the API and the dashboard show it.</summary>
public sealed record PaymentLogView(
    string Id,
    PaymentOperation Operation,
    bool Valid,
    int StatusCode,
    string? Reason,
    string? Message,
    string RequestId,
    string? Payer,
    string? PayTo,
    long? Amount,
    string? Network,
    string? Resource,
    string? SettlementId,
    string? TxHash,
    string? ApiKeyId,
    DateTime CreatedAt)
{
    internal static PaymentLogView From(PaymentLogEntry e) => new(
        e.Id, e.Operation, e.Valid, e.StatusCode, e.Reason, e.Message, e.RequestId, e.Payer, e.PayTo, e.Amount, e.Network,
        e.Resource, e.SettlementId, e.TxHash, e.ApiKeyId, e.CreatedAt);
}
