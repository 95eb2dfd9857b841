namespace P402.Core.Payments;

/// <summary>A request to execute one parsed payment for a merchant.</summary>
public sealed record SettleCommand(string MerchantId, string? ApiKeyId, string RequestId, ParsedPayment Payment);
