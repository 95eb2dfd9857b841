namespace P402.Core.Payments;

/// <summary>What an existing settlement row means for a caller who sends its payment again.</summary>
internal static class SettlementOutcomes
{
    public static SettleOutcome FromRow(Settlement settlement, string payer) => settlement.Status switch
    {
        SettlementStatus.Confirmed => SettleOutcome.Confirmed(settlement),
        SettlementStatus.Failed => SettleOutcome.Failed(
            Enum.TryParse<PaymentCode>(Pascal(settlement.ErrorReason), out var code) ? code : PaymentCode.SettlementFailed,
            settlement.ErrorMessage ?? "The settlement failed.", payer, settlement.Network, settlement),
        SettlementStatus.Pending or SettlementStatus.Submitted => SettleOutcome.Failed(
            PaymentCode.SettlementPending, "The settlement is still in progress; retry to get its outcome.", payer, settlement.Network, settlement),
    };

    /// <summary>AUTHORIZATION_EXPIRED → AuthorizationExpired.</summary>
    private static string Pascal(string? code) =>
        string.Concat((code ?? "").Split('_').Select(part => part.Length == 0 ? part : part[0] + part[1..].ToLowerInvariant()));
}
