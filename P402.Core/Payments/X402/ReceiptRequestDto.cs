namespace P402.Core.Payments.X402;

/// <summary>Asks <c>/settle</c> to issue a receipt for the payment it confirms.</summary>
public sealed record ReceiptRequestDto(long? TtlSeconds);
