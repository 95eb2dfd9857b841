namespace P402.Core.PaymentLogs;

/// <summary>Who asked and which request it was: the part of a log entry that every answer shares.</summary>
public sealed record PaymentLogContext(string MerchantId, string? ApiKeyId, string RequestId, PaymentOperation Operation, TimeProvider Time);
