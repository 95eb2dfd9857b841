namespace P402.Core.Payments;

/// <summary>
/// The result of a settle: success with the confirmed settlement, or a code. A pending outcome
/// carries the transaction hash so the caller can look it up.
/// </summary>
public sealed record SettleOutcome(bool Success, PaymentCode? Code, string? Message, string Payer, string Network, Settlement? Settlement)
{
    public string Transaction => Settlement?.TxHash ?? "";

    /// <summary>The payer is written as verify writes it (EIP-55), whatever the stored form.</summary>
    public static SettleOutcome Confirmed(Settlement settlement) =>
        new(true, null, null, Chain.Ethereum.EthAddress.Parse(settlement.Payer).ToString(), settlement.Network, settlement);

    public static SettleOutcome Failed(PaymentCode code, string message, string payer, string network, Settlement? settlement = null) =>
        new(false, code, message, payer, network, settlement);
}
