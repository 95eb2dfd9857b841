namespace P402.Core.Payments.Identifiers;

/// <summary>The facilitator calls whose answers a payment id keeps.</summary>
public enum PaymentIdOperation
{
    Verify,
    Settle,
}
