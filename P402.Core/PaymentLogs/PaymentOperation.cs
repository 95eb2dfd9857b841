namespace P402.Core.PaymentLogs;

/// <summary>Which facilitator endpoint answered.</summary>
public enum PaymentOperation
{
    Verify,
    Settle,
}
