using P402.Core.Chain.Ethereum;

namespace P402.Core.PaymentLogs;

/// <summary>What a payment-log filter may hold: one rule for the API's 400 and the dashboard's field errors.</summary>
public static class PaymentLogFilterRules
{
    public const int MaxRequestIdLength = 40;

    /// <summary>Null when <paramref name="payer"/> is empty or an address; otherwise what is wrong with it.</summary>
    public static string? PayerProblem(string? payer) =>
        string.IsNullOrWhiteSpace(payer) || EthAddress.TryParse(payer.Trim(), out _) ? null : "payer must be an address: 0x followed by 40 hex digits.";

    public static string? RequestIdProblem(string? requestId) =>
        requestId is null || requestId.Trim().Length <= MaxRequestIdLength ? null : $"requestId is at most {MaxRequestIdLength} characters (req_ and 26 more).";

    public static string? ResourceProblem(string? resource) =>
        resource is null || resource.Trim().Length <= PaymentLogEntries.MaxResourceLength ? null : $"resource is at most {PaymentLogEntries.MaxResourceLength} characters.";

    /// <summary>The first problem of <paramref name="filter"/>, or null when it can be run.</summary>
    public static string? Problem(PaymentLogFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return PayerProblem(filter.Payer) ?? RequestIdProblem(filter.RequestId) ?? ResourceProblem(filter.Resource)
            ?? (filter.From is { } from && filter.To is { } to && to < from ? "to must not be before from." : null);
    }
}
