namespace P402.Core.Payments.Identifiers;

/// <summary>
/// What a payment id holds for a request: <see cref="Conflict"/> when it is bound to another payment;
/// otherwise the answer stored for the operation, if any (null: process the request normally).
/// </summary>
public sealed record PaymentIdBinding(bool Conflict, string? StoredAnswer)
{
    public static readonly PaymentIdBinding OtherPayment = new(true, null);
}
