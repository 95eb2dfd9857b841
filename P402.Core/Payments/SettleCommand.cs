namespace P402.Core.Payments;

/// <summary>A request to execute one parsed payment for a merchant; <see cref="ParsedPayment.PaymentId"/> is its x402 payment id, if any.</summary>
public sealed record SettleCommand(string MerchantId, string? ApiKeyId, string RequestId, ParsedPayment Payment);
