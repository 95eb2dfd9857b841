using P402.Core.Chain.SmartWallets;

namespace P402.Core.Payments.Signatures;

/// <summary>
/// How a verified payment is to be settled, as verify found the payer: an EOA through the (v, r, s)
/// overload; a contract wallet through the <c>bytes</c> overload with <see cref="ContractSignature"/>;
/// a counterfactual wallet deployed through <see cref="Deployment"/> and paid in one Multicall3 transaction.
/// </summary>
internal sealed record SettlementPlan(PayerKind PayerKind, byte[]? ContractSignature, Erc6492Wrapper? Deployment)
{
    /// <summary>The gas of verify's passing simulation (an EOA's <c>eth_estimateGas</c>): the settlement needs no second estimate.</summary>
    public long? GasEstimate { get; init; }

    public static SettlementPlan Eoa { get; } = new(PayerKind.Eoa, null, null);
}
