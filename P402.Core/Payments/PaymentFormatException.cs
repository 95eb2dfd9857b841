namespace P402.Core.Payments;

/// <summary>A facilitator request field is missing or malformed; only the parser throws and catches it.</summary>
internal sealed class PaymentFormatException(string message) : FormatException(message);
