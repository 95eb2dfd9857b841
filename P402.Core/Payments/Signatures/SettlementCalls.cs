using P402.Core.Chain;
using P402.Core.Chain.SmartWallets;

namespace P402.Core.Payments.Signatures;

/// <summary>Builds a settlement's call from verify's <see cref="SettlementPlan"/>.</summary>
internal static class SettlementCalls
{
    /// <summary>A transaction's intrinsic gas: what the factory call's estimate includes and the deployment itself does not use.</summary>
    private const long IntrinsicGas = 21_000;

    public static async Task<SettlementCall> BuildAsync(PaymentNetwork network, ParsedPayment payment, SettlementPlan plan, CancellationToken cancellationToken)
    {
        var authorization = payment.Authorization;
        switch (plan)
        {
            case { Deployment: { } wrapper }:
                var estimate = await network.Rpc.EstimateGasAsync(wrapper.Factory, wrapper.FactoryCalldata, SmartWalletCalls.Multicall3, cancellationToken);
                return new SettlementCall(SmartWalletCalls.Multicall3, SmartWalletCalls.DeployAndTransfer(wrapper, payment.Asset, authorization),
                    PayerKind.DeployedBySettlement, Math.Max(0, estimate - IntrinsicGas));
            case { ContractSignature: { } signature }:
                return new SettlementCall(payment.Asset, SmartWalletCalls.TransferWithAuthorization(authorization, signature), PayerKind.ContractWallet, null);
            default:
                var ecdsa = PaymentSignature.Classify(payment.Signature, out _)?.Ecdsa
                    ?? throw new InvalidOperationException("An EOA settlement needs an ECDSA signature; verify said otherwise.");
                return new SettlementCall(payment.Asset, TokenCalls.TransferWithAuthorization(authorization, ecdsa), PayerKind.Eoa, null);
        }
    }
}
